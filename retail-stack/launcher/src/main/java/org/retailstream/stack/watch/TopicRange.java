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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.retailstream.stack.process.StackException;

/** Reads the records between two sets of offsets once, read_committed, in each partition's order. */
public final class TopicRange {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private TopicRange() {}

    /**
     * Hands {@code each} every committed record of the partitions in {@code to}, from {@code from} (the
     * earliest kept where it names no offset) up to, not including, {@code to}.
     */
    public static void read(
            String bootstrapServers,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "retail-stack-census");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(to.keySet());
            consumer.seekToBeginning(to.keySet());
            from.forEach((partition, offset) -> {
                if (to.containsKey(partition)) {
                    consumer.seek(partition, offset);
                }
            });
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!to.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new StackException("Could not read " + to.keySet() + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }
}
