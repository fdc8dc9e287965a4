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
package org.retailstream.flink.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.model.CartAction;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.job.Environments;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.jobs.cart.CartAbandonmentSpec;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * End-to-end latency of cart-abandonment, live: each generated user adds one product (event time =
 * now) and leaves; latency is from producing that add to reading its committed alert. It contains
 * the timeout and the watermark bound by design, so both are reported with them taken out too.
 */
final class AbandonmentLatency {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BOUND = Duration.ofSeconds(1);

    private AbandonmentLatency() {}

    static void measure(TestKafkaBroker kafka, int cartsPerSecond, Duration runFor) throws Exception {
        // Live latency: the job starts at the end of its inputs, not in the throughput runs' backlog.
        startAtEnd(kafka, "bench-latency", RetailTopic.CART_UPDATES, RetailTopic.CHECKOUT_EVENTS);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobSettings settings = JobSettings.parse(
                CartAbandonmentSpec.SPEC,
                List.of(
                        "--bootstrap-servers", kafka.bootstrapServers(),
                        "--group-id", "bench-latency",
                        "--transactional-id-prefix", "bench-latency",
                        "--parallelism", "2",
                        "--timeout", TIMEOUT.toSeconds() + "s",
                        "--out-of-orderness", BOUND.toMillis() + "ms",
                        "--idleness", "2s",
                        "--checkpoint-interval", "1s"));
        Environments.build(env, CartAbandonmentSpec.SPEC, settings);
        JobClient job = env.executeAsync("cart-abandonment latency");
        Map<String, Long> producedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produce(kafka, cartsPerSecond, producedAt, producing), "latency-carts");
        producer.start();
        Instant until = Instant.now().plus(runFor);
        consume(kafka, producedAt, latencies, until);
        producing.set(false);
        producer.join();
        job.cancel().get();
        report(latencies, producedAt.size() + latencies.size());
    }

    /** Commits the current end of each topic as the group's position. */
    private static void startAtEnd(TestKafkaBroker kafka, String group, RetailTopic... topics) {
        Properties config = kafka.clientProperties();
        config.put("group.id", group);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (RetailTopic topic : topics) {
                consumer.partitionsFor(topic.topicName())
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new java.util.HashMap<>();
            consumer.endOffsets(partitions)
                    .forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end)));
            consumer.commitSync(ends);
        }
    }

    private static void produce(
            TestKafkaBroker kafka, int perSecond, Map<String, Long> producedAt, AtomicBoolean producing) {
        EventCodec<CartUpdate> codec = EventCodec.forTopic(RetailTopic.CART_UPDATES, CartUpdate.class);
        Properties config = kafka.clientProperties();
        config.put("acks", "all");
        long user = 0;
        try (KafkaProducer<byte[], byte[]> out =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            while (producing.get()) {
                long tick = System.nanoTime();
                for (int i = 0; i < perSecond / 20; i++) {
                    String id = "latency-" + user++;
                    CartUpdate add = CartUpdate.newBuilder()
                            .setEventId(id)
                            .setEventTime(Instant.now())
                            .setUserId(id)
                            .setCartId(id)
                            .setAction(CartAction.ADD)
                            .setSku("sku-1")
                            .setQuantity(1)
                            .setUnitPrice(new BigDecimal("1.0000"))
                            .setCurrency("EUR")
                            .build();
                    producedAt.put(id, System.currentTimeMillis());
                    out.send(new ProducerRecord<>(
                            RetailTopic.CART_UPDATES.topicName(),
                            id.getBytes(StandardCharsets.UTF_8),
                            codec.encode(add)));
                }
                long pause = 50 - (System.nanoTime() - tick) / 1_000_000;
                if (pause > 0) {
                    Thread.sleep(pause); // pacing to the requested rate
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void consume(
            TestKafkaBroker kafka, Map<String, Long> producedAt, List<Long> latencies, Instant until) {
        EventCodec<CartAbandonmentAlert> codec =
                EventCodec.forTopic(RetailTopic.CART_ABANDONMENT_ALERTS, CartAbandonmentAlert.class);
        Properties config = kafka.clientProperties();
        config.put("group.id", "latency-reader");
        config.put("isolation.level", "read_committed");
        config.put("auto.offset.reset", "latest");
        try (KafkaConsumer<byte[], byte[]> in =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            in.subscribe(List.of(RetailTopic.CART_ABANDONMENT_ALERTS.topicName()));
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<byte[], byte[]> record : in.poll(Duration.ofMillis(100))) {
                    Long sent = producedAt.remove(codec.decode(record.value()).getUserId());
                    if (sent != null) {
                        latencies.add(System.currentTimeMillis() - sent);
                    }
                }
            }
        }
    }

    private static void report(List<Long> latencies, int carts) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("cart-abandonment latency: no alert arrived");
            return;
        }
        long built = TIMEOUT.toMillis() + BOUND.toMillis();
        System.out.printf(
                "%ncart-abandonment end-to-end latency, produced add -> committed alert (%,d of %,d carts alerted):%n",
                sorted.size(), carts);
        for (double p : new double[] {0.50, 0.95, 0.99}) {
            long value = sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
            System.out.printf(
                    "  p%-3.0f %,6d ms   (%,6d ms after the %d s timeout and %d s watermark bound)%n",
                    p * 100, value, value - built, TIMEOUT.toSeconds(), BOUND.toSeconds());
        }
    }
}
