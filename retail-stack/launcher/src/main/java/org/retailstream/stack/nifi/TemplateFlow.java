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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the launcher takes from a flow definition of {@code templates/nifi/}: the polling processor
 * (type, name, properties with their {@code #{parameter}} references), the JSON writer's settings and
 * the Kafka topic its records are published to. The Kafka end itself (PublishKafka and its services)
 * is left out: NiFi's Kafka NARs are not on Maven Central, so the stack reads an output port instead.
 */
record TemplateFlow(
        String processorName,
        String processorType,
        Map<String, String> processorProperties,
        Map<String, String> controllerServiceProperties,
        Map<String, String> jsonWriterProperties,
        Map<String, String> parameters,
        String topic) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("#\\{([^}]+)}");

    static TemplateFlow read(Path file) throws IOException {
        JsonNode definition = JSON.readTree(file.toFile());
        JsonNode flow = definition.path("flowContents");
        JsonNode source = null;
        for (JsonNode processor : flow.path("processors")) {
            if (processor.path("type").asText().startsWith("org.retailstream.")) {
                source = processor;
            }
        }
        if (source == null) {
            throw new IOException(file + " has no retail-stream processor");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> services = new LinkedHashMap<>();
        JsonNode descriptors = source.path("propertyDescriptors");
        source.path("properties").properties().forEach(property -> {
            boolean service = descriptors
                    .path(property.getKey())
                    .path("identifiesControllerService")
                    .asBoolean();
            (service ? services : properties)
                    .put(property.getKey(), property.getValue().asText());
        });
        Map<String, String> writer = new LinkedHashMap<>();
        for (JsonNode service : flow.path("controllerServices")) {
            if (service.path("type").asText().equals("org.apache.nifi.json.JsonRecordSetWriter")) {
                service.path("properties")
                        .properties()
                        .forEach(property -> writer.put(
                                property.getKey(), property.getValue().asText()));
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String topic = null;
        for (JsonNode context : definition.path("parameterContexts")) {
            for (JsonNode parameter : context.path("parameters")) {
                String name = parameter.path("name").asText();
                parameters.put(name, parameter.path("value").asText(""));
                if (name.startsWith("kafka.topic.")) {
                    topic = parameter.path("value").asText();
                }
            }
        }
        if (topic == null) {
            throw new IOException(file + " names no kafka.topic.* parameter");
        }
        return new TemplateFlow(
                source.path("name").asText(),
                source.path("type").asText(),
                properties,
                services,
                writer,
                parameters,
                topic);
    }

    /** The processor's properties with every {@code #{parameter}} filled in: {@code values} first, then the template's. */
    Map<String, String> resolvedProperties(Map<String, String> values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        processorProperties.forEach((name, value) -> {
            Matcher matcher = PARAMETER.matcher(value);
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                String parameter = matcher.group(1);
                String replacement = values.getOrDefault(parameter, parameters.getOrDefault(parameter, ""));
                matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(text);
            resolved.put(name, text.toString());
        });
        return resolved;
    }

    /** The properties that change from run to run: those with a parameter in them. */
    Map<String, String> parameterizedProperties(Map<String, String> values) {
        Map<String, String> resolved = resolvedProperties(values);
        resolved.keySet()
                .removeIf(name ->
                        !PARAMETER.matcher(processorProperties.get(name)).find());
        return resolved;
    }
}
