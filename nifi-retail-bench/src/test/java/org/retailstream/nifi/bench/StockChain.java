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
package org.retailstream.nifi.bench;

import java.util.List;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.processors.attributes.UpdateAttribute;
import org.apache.nifi.processors.standard.AttributesToJSON;
import org.apache.nifi.processors.standard.EvaluateJsonPath;
import org.apache.nifi.processors.standard.InvokeHTTP;
import org.apache.nifi.processors.standard.SplitJson;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;

/**
 * The seed's flow from nifi-standard-processors 2.3.0: InvokeHTTP, SplitJson, EvaluateJsonPath,
 * UpdateAttribute, AttributesToJSON, each in its own TestRunner feeding the next.
 */
final class StockChain implements Contender {

    private static final String FIELDS =
            "sku,competitor,price,currency,availability,product_url,observed_at,source_url";

    @Override
    public String name() {
        return "stock chain";
    }

    @Override
    public long run(String url) throws Exception {
        TestRunner invoke = TestRunners.newTestRunner(new InvokeHTTP());
        invoke.setProperty("HTTP URL", url);
        invoke.setProperty("HTTP Method", "GET");
        invoke.enqueue(new byte[0]); // the seed triggers InvokeHTTP from a timer-driven GenerateFlowFile
        invoke.run();
        List<MockFlowFile> flowFiles = invoke.getFlowFilesForRelationship("Response");

        TestRunner split = TestRunners.newTestRunner(new SplitJson());
        split.setProperty("JsonPath Expression", "$[*]");
        flowFiles = feed(split, flowFiles, "split");

        TestRunner evaluate = TestRunners.newTestRunner(new EvaluateJsonPath());
        evaluate.setProperty("Destination", "flowfile-attribute");
        for (String field : FIELDS.split(",")) {
            if (!field.equals("source_url")) {
                evaluate.setProperty(field, "$." + field);
            }
        }
        flowFiles = feed(evaluate, flowFiles, "matched");

        TestRunner update = TestRunners.newTestRunner(new UpdateAttribute());
        update.setProperty("source_url", url);
        update.setProperty("availability", "${availability:toUpper()}");
        flowFiles = feed(update, flowFiles, "success");

        TestRunner toJson = TestRunners.newTestRunner(new AttributesToJSON());
        toJson.setProperty("Attributes List", FIELDS);
        toJson.setProperty("Destination", "flowfile-content");
        toJson.setProperty("Include Core Attributes", "false");
        return feed(toJson, flowFiles, "success").size();
    }

    private static List<MockFlowFile> feed(TestRunner next, List<MockFlowFile> input, String relationship) {
        for (MockFlowFile flowFile : input) {
            next.enqueue(flowFile.toByteArray(), flowFile.getAttributes());
        }
        while (next.getQueueSize().getObjectCount() > 0) {
            next.run(next.getQueueSize().getObjectCount());
        }
        return next.getFlowFilesForRelationship(
                new Relationship.Builder().name(relationship).build());
    }
}
