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
package org.retailstream.flink.support;

import org.retailstream.events.topics.RetailTopic;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * Creates a job's topics with one partition per input, so the job reads the test's events in the
 * order they were produced and which of them are late is decided by the test, not by how the source
 * happened to interleave partitions.
 */
public final class OrderedTopics {

    private OrderedTopics() {}

    public static void create(KafkaBrokerExtension kafka, RetailTopic output, RetailTopic... inputs) throws Exception {
        for (RetailTopic input : inputs) {
            kafka.createTopic(input.topicName(), 1);
            kafka.createTopic(input.deadLetterTopicName(), 1);
        }
        kafka.createTopic(output.topicName(), output.partitions());
    }
}
