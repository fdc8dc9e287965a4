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
package org.retailstream.stack.watch;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Offsets read through the admin client: where topics end, and how far a consumer group has committed. */
public final class Offsets {

    private Offsets() {}

    /** The end of every partition of {@code topics}, as a read_committed consumer sees it. */
    public static Map<TopicPartition, Long> ends(Admin admin, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description
                .partitions()
                .forEach(partition ->
                        request.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** The offsets {@code group} has committed, by partition (empty for a group that never committed). */
    public static Map<TopicPartition, Long> committed(Admin admin, String group)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** Per topic, the sum over its partitions of {@code to - from} (a partition missing in {@code from} counts from 0). */
    public static Map<String, Long> delta(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Long> perTopic = new TreeMap<>();
        to.forEach((partition, offset) ->
                perTopic.merge(partition.topic(), offset - from.getOrDefault(partition, 0L), Long::sum));
        return perTopic;
    }
}
