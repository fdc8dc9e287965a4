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
package org.retailstream.flink.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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
import org.retailstream.flink.job.Environments;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * bin/run: the main job, category-revenue, on an embedded default stack. A Kafka broker and a
 * Flink MiniCluster start in this JVM on 127.0.0.1, checkouts are generated at
 * {@code -Ddemo.rate} per second (default 200), and every committed category_revenue record is
 * printed. Runs for {@code -Ddemo.seconds} (default: until Ctrl-C). Windows are 10 s here so
 * results show within seconds; the job's own default is 1 min.
 */
public final class EmbeddedDemo {

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("demo.rate", 200);
        long seconds = Long.getLong("demo.seconds", Long.MAX_VALUE / 1000);
        try (TestKafkaBroker kafka = TestKafkaBroker.plaintext().start()) {
            kafka.createCatalogueTopics();
            System.out.println("Kafka on " + kafka.bootstrapServers() + ", topics created; starting category-revenue");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobSettings settings = JobSettings.parse(
                    CategoryRevenueSpec.DATASTREAM,
                    List.of(
                            "--bootstrap-servers", kafka.bootstrapServers(),
                            "--parallelism", "2",
                            "--window", "10s",
                            "--checkpoint-interval", "2s",
                            "--idleness", "5s"));
            Environments.build(env, CategoryRevenueSpec.DATASTREAM, settings);
            JobClient job = env.executeAsync("retail-category-revenue (embedded demo)");
            AtomicBoolean running = new AtomicBoolean(true);
            Thread generator = new Thread(() -> generate(kafka, rate, running), "checkout-generator");
            generator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> running.set(false)));
            printRevenue(kafka, Instant.now().plusSeconds(seconds), running);
            running.set(false);
            generator.join();
            job.cancel().get();
        }
    }

    private static void generate(TestKafkaBroker kafka, int rate, AtomicBoolean running) {
        EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        CheckoutGenerator checkouts = new CheckoutGenerator(42);
        Properties config = kafka.clientProperties();
        config.put("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            while (running.get()) {
                long started = System.nanoTime();
                for (int i = 0; i < rate / 10; i++) {
                    CheckoutEvent checkout = checkouts.next(Instant.now());
                    producer.send(new ProducerRecord<>(
                            RetailTopic.CHECKOUT_EVENTS.topicName(),
                            checkout.getUserId().getBytes(StandardCharsets.UTF_8),
                            codec.encode(checkout)));
                }
                long pause = 100 - (System.nanoTime() - started) / 1_000_000;
                if (pause > 0) {
                    Thread.sleep(pause); // pacing the generator to the requested rate, not waiting for a result
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printRevenue(TestKafkaBroker kafka, Instant until, AtomicBoolean running) {
        EventCodec<CategoryRevenue> codec = EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
        Properties config = kafka.clientProperties();
        config.put("group.id", "embedded-demo");
        config.put("isolation.level", "read_committed");
        config.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(RetailTopic.CATEGORY_REVENUE.topicName()));
            while (running.get() && Instant.now().isBefore(until)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    CategoryRevenue revenue = codec.decode(record.value());
                    System.out.printf(
                            "%s  %-12s %12s %s  orders %4d  units %5d%n",
                            revenue.getWindowStart(),
                            revenue.getCategory(),
                            revenue.getRevenue().toPlainString(),
                            revenue.getCurrency(),
                            revenue.getOrderCount(),
                            revenue.getUnits());
                }
            }
        }
    }

    private EmbeddedDemo() {}
}
