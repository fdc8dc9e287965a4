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
package org.retailstream.flink.jobs.revenue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailstream.testkit.Checkouts.checkout;
import static org.retailstream.testkit.Checkouts.line;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.KafkaBrokerExtension;

class CategoryRevenueJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    private static final EventCodec<CheckoutEvent> CHECKOUTS =
            EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
    private static final EventCodec<CategoryRevenue> REVENUE =
            EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);

    @BeforeAll
    static void topics() throws Exception {
        OrderedTopics.create(KAFKA, RetailTopic.CATEGORY_REVENUE, RetailTopic.CHECKOUT_EVENTS);
    }

    @Test
    void revenuePerCategoryWindowCountsLateWithinLatenessAndDeadLettersTheRestAsReplayableRecords() throws Exception {
        List<CheckoutEvent> events = List.of(
                checkout("o1", "10:00:10", PaymentStatus.CAPTURED, line("toys", 2, "9.99")),
                checkout("o2", "10:00:40", PaymentStatus.CAPTURED, line("books", 1, "12.50")),
                checkout("o3", "10:00:30", PaymentStatus.CAPTURED, line("toys", 1, "5.00"), line("books", 3, "1.10")),
                checkout("o4", "10:00:15", PaymentStatus.DECLINED, line("toys", 9, "100.00")),
                checkout("o5", "10:01:20", PaymentStatus.CAPTURED, line("toys", 1, "3.30")),
                checkout("o6", "10:00:50", PaymentStatus.CAPTURED, line("toys", 1, "0.01")),
                checkout("o7", "10:04:00", PaymentStatus.CAPTURED, line("books", 1, "20.00")),
                checkout("o8", "10:00:45", PaymentStatus.CAPTURED, line("toys", 1, "7.77")));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        // One partition: the order above is the order the job reads.
        events.forEach(e -> records.add(new ProducerRecord<>("checkout_events", utf8("u-1"), CHECKOUTS.encode(e))));
        KAFKA.produce(records);

        // One reader for the one partition: lateness then depends on the data alone, not on when an
        // empty second reader finishes.
        JobRun.bounded(CategoryRevenueSpec.DATASTREAM, KAFKA, "--parallelism", "1");

        // o6 is behind the watermark but within 30 s of lateness: its window fires again with it.
        // o8 arrives after the watermark passed 10:04 - 5 s: too late, dead-lettered.
        assertTotals(expected(events, "o8"), latestTotals("category_revenue"));
        List<ConsumerRecord<byte[], byte[]>> dead =
                KAFKA.consumeUntil("checkout_events_dlq", 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        ConsumerRecord<byte[], byte[]> letter = dead.get(0);
        // The letter is the record as it was read, with where it was read from: it can be replayed.
        assertArrayEquals(records.get(7).value(), letter.value(), "the original value bytes");
        assertEquals("u-1", new String(letter.key(), StandardCharsets.UTF_8), "the original key");
        assertEquals("checkout_events", header(letter, DeadLetters.HEADER_SOURCE_TOPIC));
        assertEquals("0", header(letter, DeadLetters.HEADER_SOURCE_PARTITION));
        assertEquals("7", header(letter, DeadLetters.HEADER_SOURCE_OFFSET));
        assertTrue(Instant.parse(header(letter, DeadLetters.HEADER_FAILED_AT))
                .isAfter(Instant.now().minusSeconds(600)));
        String error = header(letter, DeadLetters.HEADER_ERROR);
        assertTrue(error.startsWith("late: event time 2026-11-20T10:00:45Z"), error);

        // Replayed into the input topic and read by a run of its own (from the replay's time on), the
        // late checkout gives its windows' corrections; with the first run's totals they are the totals
        // of every captured checkout.
        long replayedAt = System.currentTimeMillis();
        KAFKA.produce(List.of(new ProducerRecord<>("checkout_events", letter.key(), letter.value())));
        KAFKA.createTopic("category_revenue_corrections", 1);
        JobRun.bounded(
                CategoryRevenueSpec.DATASTREAM,
                KAFKA,
                "--parallelism",
                "1",
                "--group-id",
                "replay",
                "--starting-offsets",
                "timestamp:" + replayedAt,
                "--topics",
                "category_revenue=category_revenue_corrections");
        Map<String, CategoryRevenue> corrected = latestTotals("category_revenue");
        latestTotals("category_revenue_corrections")
                .forEach((window, correction) -> corrected.merge(window, correction, (total, late) -> {
                    total.setRevenue(total.getRevenue().add(late.getRevenue()));
                    total.setOrderCount(total.getOrderCount() + late.getOrderCount());
                    total.setUnits(total.getUnits() + late.getUnits());
                    return total;
                }));
        assertTotals(expected(events, null), corrected);
    }

    /** Per "category@window start", the totals of the captured checkouts except {@code except}. */
    private static Map<String, Expected> expected(List<CheckoutEvent> events, String except) {
        Map<String, Expected> expected = new HashMap<>();
        for (CheckoutEvent e : events) {
            if (e.getPaymentStatus() == PaymentStatus.CAPTURED
                    && !e.getOrderId().equals(except)) {
                for (OrderLine line : e.getLines()) {
                    expected.computeIfAbsent(line.getCategory() + "@" + window(e.getEventTime()), k -> new Expected())
                            .add(e.getOrderId(), line);
                }
            }
        }
        return expected;
    }

    /** The last total of each window on {@code topic}, as "category@window start". */
    private static Map<String, CategoryRevenue> latestTotals(String topic) {
        Map<String, CategoryRevenue> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.consumeAll(topic, Duration.ofSeconds(30))) {
            CategoryRevenue revenue = REVENUE.decode(record.value());
            assertEquals(revenue.getCategory(), new String(record.key(), StandardCharsets.UTF_8));
            latest.put(revenue.getCategory() + "@" + revenue.getWindowStart(), revenue);
        }
        return latest;
    }

    private static void assertTotals(Map<String, Expected> expected, Map<String, CategoryRevenue> totals) {
        assertEquals(expected.keySet(), totals.keySet());
        expected.forEach((key, want) -> {
            CategoryRevenue got = totals.get(key);
            assertEquals(want.revenue.setScale(4), got.getRevenue(), key);
            assertEquals(want.orders.size(), got.getOrderCount(), key);
            assertEquals(want.units, got.getUnits(), key);
            assertEquals("EUR", got.getCurrency());
            assertEquals(Duration.ofMinutes(1), Duration.between(got.getWindowStart(), got.getWindowEnd()));
        });
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static final class Expected {
        BigDecimal revenue = BigDecimal.ZERO;
        java.util.Set<String> orders = new java.util.HashSet<>();
        long units;

        void add(String order, OrderLine line) {
            revenue = revenue.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
            orders.add(order);
            units += line.getQuantity();
        }
    }

    private static Instant window(Instant time) {
        return Instant.ofEpochMilli(time.toEpochMilli() - time.toEpochMilli() % 60_000);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
