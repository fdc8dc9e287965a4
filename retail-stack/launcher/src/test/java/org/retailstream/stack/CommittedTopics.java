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
package org.retailstream.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads topics of the running stack from the beginning, read_committed, as a downstream consumer would. */
final class CommittedTopics implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, List<ConsumerRecord<byte[], byte[]>>> records = new HashMap<>();

    CommittedTopics(String bootstrapServers, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            records.put(topic, new ArrayList<>());
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code condition} holds for what was read so far; fails after {@code timeout}. */
    void awaitUntil(
            String what, Duration timeout, Predicate<Map<String, List<ConsumerRecord<byte[], byte[]>>>> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.test(records)) {
            if (Instant.now().isAfter(deadline)) {
                Map<String, Integer> counts = new HashMap<>();
                records.forEach((topic, list) -> counts.put(topic, list.size()));
                throw new AssertionError("Timed out waiting for " + what + "; records so far: " + counts);
            }
            consumer.poll(Duration.ofMillis(500))
                    .forEach(record -> records.get(record.topic()).add(record));
        }
    }

    /** Polls until every partition is read to its end as it is now. */
    void awaitCaughtUp(Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        awaitUntil("the end of every partition", timeout, read -> ends.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue()));
    }

    List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        return records.get(topic);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
