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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.demo.CheckoutGenerator;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * The live half of bin/bench engines: checkouts produced at a steady rate with event time = now, and
 * each engine's windows read back read_committed. A window can close once an event of its end plus the
 * out-of-orderness has been produced, which (event time being the production time) is at that wall
 * time; a window's latency is when its record became readable minus that moment. So it holds the
 * engine's watermark and trigger, the window operator and the commit (Flink: the checkpoint; Spark: the
 * micro-batch), not the window's length.
 */
final class LiveLatency {

    private static final EventCodec<CheckoutEvent> CHECKOUTS =
            EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
    private static final EventCodec<CategoryRevenue> REVENUE =
            EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);

    private final TestKafkaBroker kafka;
    private final Duration outOfOrderness;
    /** Output topic -> latency (ms) of each window record read. */
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

    LiveLatency(TestKafkaBroker kafka, Duration outOfOrderness) {
        this.kafka = kafka;
        this.outOfOrderness = outOfOrderness;
    }

    /**
     * Produces {@code perSecond} checkouts a second to {@code input} for {@code duration} while reading
     * {@code outputs}; keeps the windows ending from {@code warmUp} after the start to {@code tail}
     * before the end, and reads on for {@code tail} after it.
     */
    Map<String, List<Long>> measure(
            String input, Collection<String> outputs, int perSecond, Duration duration, Duration warmUp, Duration tail)
            throws InterruptedException {
        Instant start = Instant.now();
        Instant end = start.plus(duration);
        Instant from = start.plus(warmUp);
        Instant until = end.minus(tail);
        Thread reader = new Thread(() -> read(outputs, from, until, end.plus(tail)), "bench-live-reader");
        reader.start();
        produce(input, perSecond, end);
        reader.join();
        return latencies;
    }

    private void produce(String input, int perSecond, Instant end) throws InterruptedException {
        CheckoutGenerator generator = new CheckoutGenerator(23);
        Properties config = kafka.clientProperties();
        config.put("acks", "all");
        config.put("linger.ms", "5");
        long tickMillis = 10;
        long perTick = Math.max(1, perSecond * tickMillis / 1000);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            long next = System.currentTimeMillis();
            while (Instant.now().isBefore(end)) {
                for (long i = 0; i < perTick; i++) {
                    CheckoutEvent checkout = generator.next(Instant.now());
                    producer.send(new ProducerRecord<>(input, utf8(checkout.getUserId()), CHECKOUTS.encode(checkout)));
                }
                next += tickMillis;
                long wait = next - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
        }
    }

    private void read(Collection<String> outputs, Instant from, Instant until, Instant stop) {
        Properties config = kafka.clientProperties();
        config.put("group.id", "bench-live-latency");
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(outputs);
            outputs.forEach(topic -> latencies.put(topic, new ArrayList<>()));
            while (Instant.now().isBefore(stop)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long readAt = System.currentTimeMillis();
                    Instant windowEnd = REVENUE.decode(record.value()).getWindowEnd();
                    if (!windowEnd.isBefore(from) && !windowEnd.isAfter(until)) {
                        long closable = windowEnd.plus(outOfOrderness).toEpochMilli();
                        latencies.get(record.topic()).add(readAt - closable);
                    }
                }
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
