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
package org.retailstream.events.provision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;

/** What the provisioner creates for one topic: name, partitions and topic-level configs. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    /** Every catalogue topic followed by its dead-letter topic, in catalogue order. */
    public static List<TopicSpec> catalogue() {
        List<TopicSpec> specs = new ArrayList<>();
        for (RetailTopic topic : RetailTopic.values()) {
            specs.add(of(topic));
            specs.add(deadLetterOf(topic));
        }
        return specs;
    }

    static TopicSpec of(RetailTopic topic) {
        Map<String, String> configs = new LinkedHashMap<>();
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, millis(topic.retention()));
        }
        return new TopicSpec(topic.topicName(), topic.partitions(), configs);
    }

    static TopicSpec deadLetterOf(RetailTopic topic) {
        return new TopicSpec(
                topic.deadLetterTopicName(),
                DeadLetters.PARTITIONS,
                Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(DeadLetters.RETENTION)));
    }

    /** The Kafka admin request for this topic at the given replication factor. */
    NewTopic toNewTopic(short replicationFactor) {
        Map<String, String> all = new LinkedHashMap<>(configs);
        if (replicationFactor >= 3) {
            // With three replicas, acks=all survives one broker loss without refusing writes.
            all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return new NewTopic(name, partitions, replicationFactor).configs(all);
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
