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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.Checkouts;
import org.retailstream.testkit.KafkaBrokerExtension;

/** The SQL reference job on in-order events gives the totals computed here independently. */
class CategoryRevenueSqlJobTest {

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
    void theSqlReferenceComputesTheSameTotalsForInOrderEvents() throws Exception {
        List<CheckoutEvent> events = List.of(
                Checkouts.checkout("s1", "11:00:10", PaymentStatus.CAPTURED, Checkouts.line("garden", 2, "4.25")),
                Checkouts.checkout("s2", "11:00:20", PaymentStatus.AUTHORIZED, Checkouts.line("garden", 1, "99.00")),
                Checkouts.checkout(
                        "s3",
                        "11:00:40",
                        PaymentStatus.CAPTURED,
                        Checkouts.line("garden", 1, "1.50"),
                        Checkouts.line("tools", 4, "2.00")),
                Checkouts.checkout("s4", "11:01:30", PaymentStatus.CAPTURED, Checkouts.line("tools", 1, "8.00")),
                Checkouts.checkout("s5", "11:03:00", PaymentStatus.CAPTURED, Checkouts.line("tools", 1, "1.00")));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        events.forEach(e -> records.add(
                new ProducerRecord<>("checkout_events", "u-2".getBytes(StandardCharsets.UTF_8), CHECKOUTS.encode(e))));
        KAFKA.produce(records);

        JobRun.bounded(CategoryRevenueSpec.SQL, KAFKA, "--group-id", "sql-reference");

        Map<String, CategoryRevenue> got = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.consumeAll("category_revenue", Duration.ofSeconds(30))) {
            CategoryRevenue revenue = REVENUE.decode(record.value());
            if (revenue.getWindowStart().toString().startsWith("2026-11-20T11:")) {
                got.put(revenue.getCategory() + "@" + revenue.getWindowStart(), revenue);
            }
        }
        assertEquals(4, got.size(), got.keySet().toString());
        CategoryRevenue garden = got.get("garden@2026-11-20T11:00:00Z");
        assertEquals(new BigDecimal("10.0000"), garden.getRevenue());
        assertEquals(2, garden.getOrderCount());
        assertEquals(3, garden.getUnits());
        assertEquals(
                new BigDecimal("8.0000"), got.get("tools@2026-11-20T11:00:00Z").getRevenue());
        assertEquals(1, got.get("tools@2026-11-20T11:03:00Z").getOrderCount());
    }

    @Test
    void anUnreadableRecordFailsTheSqlJobAsDocumented() throws Exception {
        // Unlike the DataStream job, which dead-letters it, the SQL twin's JSON format cannot skip it.
        KAFKA.createTopic("sql.bad.checkouts", 1);
        KAFKA.createTopic("sql.bad.revenue", 1);
        KAFKA.produce(List.of(
                new ProducerRecord<>(
                        "sql.bad.checkouts",
                        "u-3".getBytes(StandardCharsets.UTF_8),
                        CHECKOUTS.encode(Checkouts.checkout(
                                "b1", "12:00:10", PaymentStatus.CAPTURED, Checkouts.line("pets", 1, "2.00")))),
                new ProducerRecord<>(
                        "sql.bad.checkouts",
                        "u-3".getBytes(StandardCharsets.UTF_8),
                        "{not json".getBytes(StandardCharsets.UTF_8))));

        Exception failure = assertThrows(
                Exception.class,
                () -> JobRun.bounded(
                        CategoryRevenueSpec.SQL,
                        KAFKA,
                        "--group-id",
                        "sql-unreadable",
                        "--restart-attempts",
                        "0",
                        "--topics",
                        "checkout_events=sql.bad.checkouts,category_revenue=sql.bad.revenue"));

        String causes = causes(failure);
        assertTrue(causes.contains("Failed to deserialize JSON"), causes);
        assertTrue(causes.contains("{not json"), causes);
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
