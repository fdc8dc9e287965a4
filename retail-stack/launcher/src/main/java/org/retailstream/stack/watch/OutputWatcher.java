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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.events.topics.TopicRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the jobs committed (read_committed, as any downstream consumer must) from this run's
 * start: every job output topic and every dead-letter topic. Counts records, and dead letters by the
 * stage that wrote them, and keeps the latest few records of each output for the console.
 */
public final class OutputWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputWatcher.class);
    private static final int LATEST = 5;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, LongAdder> records = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> deadLettersByStage = new ConcurrentHashMap<>();
    private final Map<String, String> latestError = new ConcurrentHashMap<>();
    private final Map<String, Deque<SpecificRecord>> latest = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Map<String, EventCodec<? extends SpecificRecord>> codecs = new java.util.HashMap<>();
    private final OutputListener listener;
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts reading every output and dead-letter topic from {@code from} (this run's start offsets). */
    public OutputWatcher(String bootstrapServers, Map<TopicPartition, Long> from) {
        this(bootstrapServers, from, (topic, record) -> {});
    }

    /**
     * As {@link #OutputWatcher(String, Map)}, and hands each decoded output record to {@code listener}, on
     * the watcher's thread, in each partition's order.
     */
    public OutputWatcher(String bootstrapServers, Map<TopicPartition, Long> from, OutputListener listener) {
        this.listener = listener;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "retail-stack-watcher");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        this.thread = new Thread(this::run, "output-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The partitions this watcher reads: each job output topic and each dead-letter topic. */
    public static List<String> watchedTopics() {
        java.util.ArrayList<String> topics = new java.util.ArrayList<>();
        for (RetailTopic topic : RetailTopic.values()) {
            if (topic.role() == TopicRole.JOB_OUTPUT) {
                topics.add(topic.topicName());
            }
            topics.add(DeadLetters.topicNameFor(topic.topicName()));
        }
        return topics;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count(record);
                }
                for (TopicPartition partition : consumer.assignment()) {
                    positions.put(partition, consumer.position(partition));
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            // close() woke the poll
        } catch (RuntimeException e) {
            LOG.error("The output watcher stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void count(ConsumerRecord<byte[], byte[]> record) {
        records.computeIfAbsent(record.topic(), topic -> new LongAdder()).increment();
        if (DeadLetters.isDeadLetterTopic(record.topic())) {
            String stage = header(record, DeadLetters.HEADER_STAGE);
            deadLettersByStage
                    .computeIfAbsent(record.topic() + "|" + stage, key -> new LongAdder())
                    .increment();
            String error = header(record, DeadLetters.HEADER_ERROR);
            if (error != null) {
                latestError.put(record.topic(), error);
            }
            return;
        }
        SpecificRecord value;
        try {
            value = codecs.computeIfAbsent(record.topic(), OutputWatcher::codec).decode(record.value());
        } catch (RuntimeException undecodable) {
            LOG.warn("An output record of {} does not decode: {}", record.topic(), undecodable.getMessage());
            return;
        }
        Deque<SpecificRecord> recent = latest.computeIfAbsent(record.topic(), topic -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addFirst(value);
            while (recent.size() > LATEST) {
                recent.removeLast();
            }
        }
        listener.output(record.topic(), value);
    }

    private static EventCodec<? extends SpecificRecord> codec(String topic) {
        for (RetailTopic each : RetailTopic.values()) {
            if (each.topicName().equals(topic)) {
                return EventCodec.forTopic(each);
            }
        }
        throw new IllegalArgumentException("Not a catalogue topic: " + topic);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** True once this watcher has read every partition up to {@code ends}. */
    public boolean hasReached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    public long records(String topic) {
        LongAdder count = records.get(topic);
        return count == null ? 0 : count.sum();
    }

    /** Dead letters of {@code topic} written by {@code stage} (e.g. flink:sessions). */
    public long deadLetters(String dlqTopic, String stage) {
        LongAdder count = deadLettersByStage.get(dlqTopic + "|" + stage);
        return count == null ? 0 : count.sum();
    }

    /** Dead-letter counts keyed "dlq-topic|stage". */
    public Map<String, Long> deadLettersByStage() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        deadLettersByStage.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }

    public String latestError(String dlqTopic) {
        return latestError.get(dlqTopic);
    }

    /** The newest records of an output topic, newest first. */
    public List<SpecificRecord> latest(String topic) {
        Deque<SpecificRecord> recent = latest.get(topic);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
