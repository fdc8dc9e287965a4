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
package org.retailstream.flink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * The packaged jar runs a job: its entry point, as a process of its own, with the job's classes from
 * the shaded jar and Flink's (which a cluster provides) from the test's classpath, against a real broker.
 */
class ShadedJarRunIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    private static final Path JAR = Path.of(System.getProperty("retail.flinkJar"));

    @Test
    void categoryRevenueRunsFromTheJarAndWritesItsWindows(@TempDir Path dir) throws Exception {
        KAFKA.createTopic("checkout_events", 1);
        KAFKA.createTopic("checkout_events_dlq", 1);
        KAFKA.createTopic("category_revenue", 1);
        EventCodec<CheckoutEvent> checkouts = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(new ProducerRecord<>(
                    "checkout_events", utf8("u-" + i), checkouts.encode(checkout("j" + i, 10L * i, "2.50"))));
        }
        KAFKA.produce(records);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                JAR + File.pathSeparator + flinkClasspath(),
                RetailJobs.class.getName(),
                "category-revenue",
                "--bootstrap-servers",
                KAFKA.bootstrapServers(),
                "--bounded",
                "--watermark-per-event",
                "--parallelism",
                "1",
                "--checkpoint-interval",
                "1s"));
        Path log = dir.resolve("job.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the job did not end:\n" + tail(log));
        assertEquals(0, process.exitValue(), tail(log));
        assertTrue(Files.readString(log).contains("category-revenue: Kafka sources start from the offsets committed"));

        EventCodec<CategoryRevenue> revenue = EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
        List<CategoryRevenue> windows = KAFKA.consumeAll("category_revenue", Duration.ofSeconds(30)).stream()
                .map(record -> revenue.decode(record.value()))
                .toList();
        assertEquals(1, windows.size(), windows.toString());
        assertEquals(new BigDecimal("10.0000"), windows.get(0).getRevenue());
        assertEquals(4, windows.get(0).getOrderCount());
    }

    /** The test's classpath without this module's own classes, which must come from the jar. */
    private static String flinkClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static CheckoutEvent checkout(String order, long secondsAfterTen, String price) {
        return CheckoutEvent.newBuilder()
                .setEventId("e-" + order)
                .setEventTime(java.time.Instant.parse("2026-11-20T10:00:00Z").plusSeconds(secondsAfterTen))
                .setOrderId(order)
                .setUserId("u-" + order)
                .setPaymentStatus(PaymentStatus.CAPTURED)
                .setPaymentAttempt(1)
                .setTotalAmount(new BigDecimal(price).setScale(4))
                .setCurrency("EUR")
                .setCountry("DE")
                .setLines(List.of(OrderLine.newBuilder()
                        .setSku("sku-1")
                        .setCategory("toys")
                        .setQuantity(1)
                        .setUnitPrice(new BigDecimal(price).setScale(4))
                        .build()))
                .build();
    }

    private static String tail(Path log) throws java.io.IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
