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
package org.retailstream.testkit;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Waits until every partition of some topics has a leader. Producing before that once sent an
 * idempotent producer into an OUT_OF_ORDER_SEQUENCE_NUMBER loop that lost records.
 */
final class TopicLeaders {

    private TopicLeaders() {}

    static void await(Admin admin, Collection<String> topics, Duration timeout) throws InterruptedException {
        Conditions.await("every partition of " + topics + " has a leader", timeout, () -> allLed(admin, topics));
    }

    private static boolean allLed(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get();
            return descriptions.size() == topics.size()
                    && descriptions.values().stream()
                            .flatMap(d -> d.partitions().stream())
                            .map(TopicPartitionInfo::leader)
                            .allMatch(leader -> leader != null && !leader.isEmpty());
        } catch (ExecutionException notYetKnown) {
            return false;
        }
    }
}
