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
package org.retailstream.nifi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.nifi.json.JsonRecordSetWriter;
import org.apache.nifi.processor.Processor;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.webclient.StandaloneWebClientProvider;

/** TestRunners wired the way a flow wires the processors: a web client service and a JSON writer. */
public final class Runners {

    private static final ObjectMapper JSON = org.retailstream.nifi.json.Json.MAPPER;

    private Runners() {}

    public static TestRunner withServices(Processor processor, String readTimeout) throws InitializationException {
        TestRunner runner = TestRunners.newTestRunner(processor);
        StandaloneWebClientProvider web = new StandaloneWebClientProvider();
        runner.addControllerService("web", web);
        runner.setProperty(web, StandaloneWebClientProvider.READ_TIMEOUT, readTimeout);
        runner.enableControllerService(web);
        JsonRecordSetWriter writer = new JsonRecordSetWriter();
        runner.addControllerService("writer", writer);
        runner.setProperty(writer, "Timestamp Format", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        runner.enableControllerService(writer);
        runner.setProperty(PollingProperties.WEB_CLIENT_SERVICE, "web");
        runner.setProperty(PollingProperties.RECORD_WRITER, "writer");
        return runner;
    }

    public static TestRunner withServices(Processor processor) throws InitializationException {
        return withServices(processor, "10 s");
    }

    /** Everything the processor logged at any level, messages and arguments, as one text. */
    public static String logText(TestRunner runner) {
        org.apache.nifi.util.MockComponentLog log = runner.getLogger();
        StringBuilder text = new StringBuilder();
        for (List<org.apache.nifi.util.LogMessage> level : List.of(
                log.getTraceMessages(),
                log.getDebugMessages(),
                log.getInfoMessages(),
                log.getWarnMessages(),
                log.getErrorMessages())) {
            level.forEach(message -> text.append(message.getMsg())
                    .append(java.util.Arrays.toString(message.getArgs()))
                    .append(message.getThrowable())
                    .append('\n'));
        }
        return text.toString();
    }

    /** The processor's validation results, for asserting on their explanations. */
    public static String validation(TestRunner runner) {
        return ((org.apache.nifi.util.MockProcessContext) runner.getProcessContext())
                .validate()
                .toString();
    }

    /** Every record written to a relationship, in order, across its FlowFiles. */
    public static List<JsonNode> records(TestRunner runner, Relationship relationship) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (MockFlowFile flowFile : runner.getFlowFilesForRelationship(relationship)) {
            JSON.readTree(flowFile.getContent()).forEach(all::add);
        }
        return all;
    }
}
