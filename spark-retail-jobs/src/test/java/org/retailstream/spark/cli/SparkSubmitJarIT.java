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
package org.retailstream.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * The packaged jar under Spark's own spark-submit, as a process: the job, the contract, the Kafka and Avro
 * data sources and kafka-clients come from the jar; Spark itself (what a cluster provides) from the test's
 * classpath, without this module's classes and without what the jar must carry.
 */
class SparkSubmitJarIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    private static final Path JAR = Path.of(System.getProperty("retail.sparkJar"));
    /** Jars the shaded jar carries: taking them off the classpath proves it carries them. */
    private static final List<String> SHADED = List.of(
            "retail-events",
            "picocli",
            "spark-sql-kafka",
            "spark-token-provider-kafka",
            "spark-avro",
            "kafka-clients",
            "commons-pool2");

    @Test
    void categoryRevenueRunsFromTheJarUnderSparkSubmit(@TempDir Path dir) throws Exception {
        EventCodec<CheckoutEvent> checkouts = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String time : List.of("10:00:05", "10:00:20", "10:00:50", "10:02:00")) {
            records.add(new ProducerRecord<>(
                    RetailTopic.CHECKOUT_EVENTS.topicName(), utf8("u-1"), checkouts.encode(checkout(time, "2.5000"))));
        }
        KAFKA.produce(records);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("retail.sparkJvmFlags").trim().split("\\s+")));
        command.addAll(List.of(
                "-Xmx1g",
                "-cp",
                sparkClasspath(),
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                "local[2]",
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.sql.shuffle.partitions=2",
                "--class",
                SparkRetailJobs.class.getName(),
                JAR.toString(),
                "category-revenue",
                "--bootstrap-servers",
                KAFKA.bootstrapServers(),
                "--checkpoint-dir",
                dir.resolve("checkpoints").toString(),
                "--starting-offsets",
                "earliest"));
        Path log = dir.resolve("spark-submit.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            EventCodec<CategoryRevenue> revenue =
                    EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
            List<CategoryRevenue> windows = new ArrayList<>();
            Conditions.await("the 10:00 window from the submitted jar", Duration.ofMinutes(3), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("spark-submit ended:\n" + tail(log));
                }
                windows.clear();
                KAFKA.consumeAll(RetailTopic.CATEGORY_REVENUE.topicName(), Duration.ofSeconds(3))
                        .forEach(record -> windows.add(revenue.decode(record.value())));
                return !windows.isEmpty();
            });
            assertEquals(1, windows.size(), windows.toString());
            assertEquals(new BigDecimal("7.5000"), windows.get(0).getRevenue(), "three checkouts of 2.50");
            assertEquals(3, windows.get(0).getOrderCount());
            assertTrue(Files.readString(log).contains("category-revenue: started 2 queries"), tail(log));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static String sparkClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("classes"))
                .filter(entry -> SHADED.stream()
                        .noneMatch(
                                name -> Path.of(entry).getFileName().toString().startsWith(name)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static CheckoutEvent checkout(String time, String price) {
        return CheckoutEvent.newBuilder()
                .setEventId("e-" + time)
                .setEventTime(Instant.parse("2026-11-20T" + time + "Z"))
                .setOrderId("o-" + time)
                .setUserId("u-1")
                .setPaymentStatus(PaymentStatus.CAPTURED)
                .setPaymentAttempt(1)
                .setTotalAmount(new BigDecimal(price))
                .setCurrency("EUR")
                .setCountry("DE")
                .setLines(List.of(OrderLine.newBuilder()
                        .setSku("sku-1")
                        .setCategory("toys")
                        .setQuantity(1)
                        .setUnitPrice(new BigDecimal(price))
                        .build()))
                .build();
    }

    private static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
