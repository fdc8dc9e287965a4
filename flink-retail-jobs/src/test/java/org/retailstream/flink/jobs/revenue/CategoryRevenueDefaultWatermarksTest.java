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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.Checkouts;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * The watermarks users get by default (periodic, every 200 ms, 5 s bound) on an unbounded source,
 * where which events are late depends on timing, not on the data alone. Whatever the timing, every
 * checkout is in exactly one place: a window total or the dead letters, never both, never neither.
 * Each order has its own power-of-two amount in cents, so a window's revenue says which orders it holds.
 */
class CategoryRevenueDefaultWatermarksTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    private static final EventCodec<CheckoutEvent> CHECKOUTS =
            EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
    private static final EventCodec<CategoryRevenue> REVENUE =
            EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void topics() throws Exception {
        OrderedTopics.create(KAFKA, RetailTopic.CATEGORY_REVENUE, RetailTopic.CHECKOUT_EVENTS);
    }

    @Test
    void everyCheckoutIsInAWindowTotalOrInTheDeadLettersExactlyOnce() throws Exception {
        JobClient job = JobRun.unbounded(CategoryRevenueSpec.DATASTREAM, KAFKA);
        try {
            produce(0, "10:00:05", 1, "10:00:35", 2, "10:01:10", 3, "10:02:20", 4, "10:03:40", 5, "10:04:15");
            produce(6, "10:10:00"); // moves the watermark to about 10:09:55
            // Once the 10:04 window is out, the watermark is past 10:05, so 10:00's lateness (30 s) is over.
            Conditions.await("the 10:04 window is out", WAIT, () -> windows().containsKey("10:04"));
            produce(7, "10:00:50"); // its window and lateness have passed: dead-lettered
            produce(8, "10:09:57"); // behind the newest event but within the bound: counted
            produce(9, "10:20:00"); // closes 10:09 and 10:10; its own window stays open
            Set<Integer> expected = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8);
            Conditions.await("orders 0-8 are each in a window or a dead letter", WAIT, () -> {
                Set<Integer> seen = new TreeSet<>(counted());
                seen.addAll(deadLettered());
                return seen.containsAll(expected);
            });
        } finally {
            job.cancel().get();
        }
        List<Integer> counted = counted();
        List<Integer> dead = deadLettered();
        assertTrue(dead.contains(7), "the checkout behind a closed window is a dead letter: " + dead);
        assertTrue(counted.contains(8), "the checkout within the bound is counted: " + counted);
        List<Integer> everywhere = new java.util.ArrayList<>(counted);
        everywhere.addAll(dead);
        assertEquals(
                everywhere.size(),
                Set.copyOf(everywhere).size(),
                "no order both counted and dead-lettered, or counted twice: " + counted + " / " + dead);
    }

    /** Produces (order number, time) pairs: order n pays 2^n cents. */
    private static void produce(Object... orders) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
        for (int i = 0; i < orders.length; i += 2) {
            int n = (Integer) orders[i];
            String price = BigDecimal.valueOf(1L << n).movePointLeft(2).toPlainString();
            CheckoutEvent checkout = Checkouts.checkout(
                    "o" + n, (String) orders[i + 1], PaymentStatus.CAPTURED, Checkouts.line("toys", 1, price));
            records.add(new ProducerRecord<>("checkout_events", utf8("u-" + n), CHECKOUTS.encode(checkout)));
        }
        KAFKA.produce(records);
    }

    /** The last total of each window, by its start as HH:mm. */
    private static Map<String, CategoryRevenue> windows() {
        Map<String, CategoryRevenue> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.consumeAll("category_revenue", Duration.ofSeconds(30))) {
            CategoryRevenue revenue = REVENUE.decode(record.value());
            latest.put(revenue.getWindowStart().toString().substring(11, 16), revenue);
        }
        return latest;
    }

    /** The orders in the windows' last totals, read from the bits of the revenue in cents. */
    private static List<Integer> counted() {
        List<Integer> orders = new java.util.ArrayList<>();
        for (CategoryRevenue window : windows().values()) {
            long cents = window.getRevenue().movePointRight(2).longValueExact();
            for (int n = 0; n < 63; n++) {
                if ((cents & (1L << n)) != 0) {
                    orders.add(n);
                }
            }
            assertEquals(Long.bitCount(cents), window.getOrderCount(), "one order per bit");
        }
        return orders;
    }

    private static List<Integer> deadLettered() {
        return KAFKA.consumeAll("checkout_events_dlq", Duration.ofSeconds(30)).stream()
                .map(letter -> CHECKOUTS.decode(letter.value()).getOrderId())
                .map(order -> Integer.parseInt(order.substring(1)))
                .collect(Collectors.toList());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
