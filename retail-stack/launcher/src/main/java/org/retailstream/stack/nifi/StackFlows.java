/*
 * Copyright 2026 The retail-stream authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.retailstream.stack.nifi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the flows of {@code templates/nifi/} into the stack's NiFi: per template its polling processor
 * with the template's properties (parameters filled in for this run), a JSON record writer with the
 * template's settings, and in place of PublishKafka an output port named after the topic, which the
 * bridge reads. {@code invalid} and {@code failure} go to a funnel, where they stay queued in sight.
 * A flow that is already there (a second run) keeps its processor, and with it the poller's state;
 * only the run's addresses are updated.
 */
public final class StackFlows {

    static final String WEB_CLIENT_TYPE = "org.retailstream.nifi.webclient.StandaloneWebClientProvider";
    static final String JSON_WRITER_TYPE = "org.apache.nifi.json.JsonRecordSetWriter";

    /** A flow in NiFi: its poller and the output port (named after the Kafka topic) its records leave by. */
    public record Deployed(String processorId, String processorName, String topic) {}

    private StackFlows() {}

    /**
     * @param parameters values for the templates' {@code #{parameters}} in this run
     * @param schedules run schedule per processor name (the templates poll every 15 minutes)
     */
    public static List<Deployed> deploy(
            NiFiRest rest, List<Path> templates, Map<String, String> parameters, Map<String, String> schedules)
            throws IOException {
        Map<String, JsonNode> existing = rest.processors();
        List<Deployed> deployed = new ArrayList<>();
        String webClient = null;
        for (Path template : templates) {
            TemplateFlow flow = TemplateFlow.read(template);
            JsonNode processor = existing.get(flow.processorName());
            if (processor != null) {
                String id = processor.path("id").asText();
                rest.updateProcessorProperties(id, flow.parameterizedProperties(parameters));
                deployed.add(new Deployed(id, flow.processorName(), flow.topic()));
                continue;
            }
            if (webClient == null) {
                webClient = rest.createControllerService("Web client", WEB_CLIENT_TYPE, Map.of());
            }
            String writer = rest.createControllerService(
                    "JSON writer of " + flow.topic(), JSON_WRITER_TYPE, flow.jsonWriterProperties());
            Map<String, String> properties = new HashMap<>(flow.resolvedProperties(parameters));
            for (String serviceProperty : flow.controllerServiceProperties().keySet()) {
                properties.put(serviceProperty, serviceProperty.contains("Writer") ? writer : webClient);
            }
            String id = rest.createProcessor(
                    flow.processorName(),
                    flow.processorType(),
                    properties,
                    schedules.getOrDefault(flow.processorName(), "15 min"),
                    List.of());
            String port = rest.createOutputPort(flow.topic());
            rest.connect(id, "PROCESSOR", port, "OUTPUT_PORT", List.of("success"));
            rest.connect(id, "PROCESSOR", rest.createFunnel(), "FUNNEL", List.of("invalid", "failure"));
            deployed.add(new Deployed(id, flow.processorName(), flow.topic()));
        }
        rest.startAll();
        return deployed;
    }
}
