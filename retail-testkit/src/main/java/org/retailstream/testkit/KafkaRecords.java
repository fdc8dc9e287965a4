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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produce and consume helpers for tests, with the delivery settings production uses. */
final class KafkaRecords {

    private final Properties clientProperties;

    KafkaRecords(Properties clientProperties) {
        this.clientProperties = clientProperties;
    }

    /** Sends records with acks=all and an idempotent producer, and waits until all are acknowledged. */
    void produce(List<ProducerRecord<byte[], byte[]>> records) throws InterruptedException {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> record : records) {
                acks.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError("Producing to the test broker failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Reads {@code topic} from the beginning of every partition with read_committed isolation until
     * at least {@code count} records arrived.
     *
     * @throws AssertionError if fewer arrive within {@code timeout}, saying how many did
     */
    List<ConsumerRecord<byte[], byte[]>> consumeUntil(String topic, int count, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = newConsumer()) {
            assignFromBeginning(consumer, topic, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            }
        }
        if (received.size() < count) {
            throw new AssertionError("Expected at least " + count + " records on " + topic + " within " + timeout
                    + " (read_committed) but got " + received.size());
        }
        return received;
    }

    /**
     * Every committed record of {@code topic}: reads each partition from the beginning up to its
     * end offset (with read_committed, the last stable offset) as of the call. Unlike
     * {@link #consumeUntil} it also returns records beyond an expected count, so duplicates show.
     */
    List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic, timeout);
            java.util.Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end offsets " + end + " within "
                            + timeout + "; got " + received.size() + " records");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            }
        }
        return received;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, java.util.Map<TopicPartition, Long> end) {
        for (java.util.Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static List<TopicPartition> assignFromBeginning(
            KafkaConsumer<byte[], byte[]> consumer, String topic, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
