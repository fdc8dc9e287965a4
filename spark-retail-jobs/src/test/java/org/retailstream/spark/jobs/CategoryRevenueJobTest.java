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
package org.retailstream.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailstream.testkit.Checkouts.line;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.codec.WireFormat;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.events.topics.TopicNames;
import org.retailstream.spark.connect.LateRows;
import org.retailstream.spark.support.LocalSpark;
import org.retailstream.spark.support.SparkSessionExtension;
import org.retailstream.testkit.Checkouts;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * category-revenue on Spark in-process (local[2]) against a real broker: windows equal to the captured
 * checkouts computed here from what was produced, in both wire formats; a malformed record in the
 * dead letters byte for byte with the contract's headers; a late one dropped and counted; and a restart
 * from the checkpoint that continues without loss or a window written twice.
 */
class CategoryRevenueJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    @RegisterExtension
    static final SparkSessionExtension SPARK = new SparkSessionExtension("spark-retail-jobs-test");

    private static final EventCodec<CheckoutEvent> CHECKOUTS =
            EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
    private static final EventCodec<CategoryRevenue> REVENUE =
            EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
    private static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(2);

    private static LateRows lateRows;
    private static final List<CheckoutEvent> PRODUCED = new ArrayList<>();

    @TempDir
    static Path checkpoints;

    @BeforeAll
    static void listenForLateRows() {
        lateRows = new LateRows();
        SPARK.spark().streams().addListener(lateRows);
    }

    @Test
    void windowsHoldTheirCapturedCheckoutsAndARestartContinuesWithoutLossOrDuplicates() throws Exception {
        SparkJobSettings settings = LocalSpark.settings(KAFKA.bootstrapServers(), checkpoints, TopicNames.catalogue());
        byte[] malformed = "{\"event_id\": \"e-bad\", \"event_time\": \"yesterday\"}".getBytes(StandardCharsets.UTF_8);
        produce(
                checkout(
                        "o-1",
                        "10:00:05",
                        PaymentStatus.CAPTURED,
                        WireFormat.JSON,
                        line("toys", 2, "10.0050"),
                        line("books", 1, "3.1000"),
                        line("toys", 1, "0.0001")),
                checkout(
                        "o-2",
                        "10:00:30",
                        PaymentStatus.CAPTURED,
                        WireFormat.AVRO_SINGLE_OBJECT,
                        line("toys", 1, "1.2345")),
                checkout("o-3", "10:00:40", PaymentStatus.DECLINED, WireFormat.JSON, line("toys", 9, "99.0000")),
                checkout(
                        "o-4",
                        "10:01:10",
                        PaymentStatus.CAPTURED,
                        WireFormat.AVRO_SINGLE_OBJECT,
                        line("books", 3, "7.5000")),
                // far enough ahead that the watermark (5 s behind) passes 10:02
                checkout("o-5", "10:02:30", PaymentStatus.CAPTURED, WireFormat.JSON, line("games", 1, "1.0000")));
        KAFKA.produce(List.of(new ProducerRecord<>(
                RetailTopic.CHECKOUT_EVENTS.topicName(), "u-1".getBytes(StandardCharsets.UTF_8), malformed)));

        List<StreamingQuery> queries = CategoryRevenueJob.start(SPARK.spark(), settings);
        awaitWindows(3);
        // behind the watermark now (10:02:25): dropped and counted, not in any window
        produce(checkout("o-late", "10:00:50", PaymentStatus.CAPTURED, WireFormat.JSON, line("toys", 1, "500.0000")));
        PRODUCED.removeIf(event -> event.getOrderId().equals("o-late"));
        await("the late checkout to be counted", () -> lateRows.dropped(CategoryRevenueJob.NAME) > 0);
        SparkSessionExtension.stop(queries);

        produce(
                checkout(
                        "o-6",
                        "10:03:20",
                        PaymentStatus.CAPTURED,
                        WireFormat.AVRO_SINGLE_OBJECT,
                        line("books", 2, "2.0000")),
                checkout("o-7", "10:05:00", PaymentStatus.CAPTURED, WireFormat.JSON, line("games", 1, "1.0000")));
        List<StreamingQuery> restarted = CategoryRevenueJob.start(SPARK.spark(), settings);
        try {
            Map<String, CategoryRevenue> written = awaitWindows(5);
            assertEquals(expectedWindows(), summary(written), "per window: revenue, orders, units");
        } finally {
            SparkSessionExtension.stop(restarted);
        }

        List<ConsumerRecord<byte[], byte[]>> letters = KAFKA.consumeAll(
                DeadLetters.topicNameFor(RetailTopic.CHECKOUT_EVENTS.topicName()), Duration.ofSeconds(10));
        assertEquals(1, letters.size(), "the malformed record, once (the restart does not write it again)");
        assertArrayEquals(malformed, letters.get(0).value());
        assertEquals("spark:category-revenue", header(letters.get(0), DeadLetters.HEADER_STAGE));
        assertEquals("checkout_events", header(letters.get(0), DeadLetters.HEADER_SOURCE_TOPIC));
        assertTrue(
                header(letters.get(0), DeadLetters.HEADER_ERROR).contains("event_time"),
                header(letters.get(0), DeadLetters.HEADER_ERROR));
    }

    /** Every window written so far, by "category@start"; fails if one is written twice. */
    private static Map<String, CategoryRevenue> awaitWindows(int count) throws InterruptedException {
        Map<String, CategoryRevenue> written = new TreeMap<>();
        await(count + " windows in category_revenue", () -> {
            written.clear();
            for (ConsumerRecord<byte[], byte[]> record :
                    KAFKA.consumeAll(RetailTopic.CATEGORY_REVENUE.topicName(), Duration.ofSeconds(5))) {
                CategoryRevenue window = REVENUE.decode(record.value());
                CategoryRevenue before = written.put(window.getCategory() + "@" + window.getWindowStart(), window);
                assertEquals(null, before, "a window written twice: " + window);
                assertEquals(window.getCategory(), new String(record.key(), StandardCharsets.UTF_8));
            }
            return written.size() >= count;
        });
        return written;
    }

    /** Computed from the produced checkouts, not by the job's code: captured only, per minute and category. */
    private static Map<String, String> expectedWindows() {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        Map<String, Long> orders = new TreeMap<>();
        Map<String, Long> units = new TreeMap<>();
        for (CheckoutEvent checkout : PRODUCED) {
            if (checkout.getPaymentStatus() != PaymentStatus.CAPTURED) {
                continue;
            }
            Instant minute = Instant.ofEpochMilli(checkout.getEventTime().toEpochMilli() / 60_000 * 60_000);
            if (minute.isAfter(Instant.parse("2026-11-20T10:03:00Z"))) {
                continue; // its window is still open: the watermark stops at 10:04:55
            }
            java.util.Set<String> categories = new java.util.HashSet<>();
            for (OrderLine line : checkout.getLines()) {
                String key = line.getCategory() + "@" + minute;
                revenue.merge(
                        key, line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())), BigDecimal::add);
                units.merge(key, (long) line.getQuantity(), Long::sum);
                if (categories.add(line.getCategory())) {
                    orders.merge(key, 1L, Long::sum);
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        revenue.forEach((key, amount) -> expected.put(
                key, amount.setScale(4) + " EUR, " + orders.get(key) + " orders, " + units.get(key) + " units"));
        return expected;
    }

    private static Map<String, String> summary(Map<String, CategoryRevenue> written) {
        Map<String, String> summary = new TreeMap<>();
        written.forEach((key, window) -> summary.put(
                key,
                window.getRevenue() + " " + window.getCurrency() + ", " + window.getOrderCount() + " orders, "
                        + window.getUnits() + " units"));
        return summary;
    }

    private static void produce(Object... checkoutsAndFormats) throws InterruptedException {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (Object each : checkoutsAndFormats) {
            Encoded encoded = (Encoded) each;
            PRODUCED.add(encoded.checkout());
            records.add(new ProducerRecord<>(
                    RetailTopic.CHECKOUT_EVENTS.topicName(),
                    encoded.checkout().getUserId().getBytes(StandardCharsets.UTF_8),
                    CHECKOUTS.encode(encoded.checkout(), encoded.format())));
        }
        KAFKA.produce(records);
    }

    private record Encoded(CheckoutEvent checkout, WireFormat format) {}

    private static Encoded checkout(
            String order, String time, PaymentStatus status, WireFormat format, OrderLine... lines) {
        return new Encoded(Checkouts.checkout(order, time, status, lines), format);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void await(String what, org.retailstream.testkit.Conditions.Check check)
            throws InterruptedException {
        org.retailstream.testkit.Conditions.await(what, OUTPUT_TIMEOUT, check);
    }
}
