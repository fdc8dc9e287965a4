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
package org.retailstream.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.demo.CheckoutGenerator;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.testkit.KafkaBrokerExtension;

/** --topics: a job reads, writes and dead-letters on the user's topic names instead of the catalogue's. */
class RenamedTopicsTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @Test
    void categoryRevenueReadsWritesAndDeadLettersOnTheRenamedTopics() throws Exception {
        KAFKA.createTopic("shop.checkouts", 1);
        KAFKA.createTopic("shop.checkouts_dlq", 1);
        KAFKA.createTopic("shop.revenue", 1);
        EventCodec<CheckoutEvent> checkouts = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        CheckoutGenerator generator = new CheckoutGenerator(3);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        BigDecimal captured = BigDecimal.ZERO;
        for (int i = 0; i < 40; i++) {
            CheckoutEvent checkout =
                    generator.next(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(10L * i));
            if (checkout.getPaymentStatus() == PaymentStatus.CAPTURED) {
                for (OrderLine line : checkout.getLines()) {
                    captured = captured.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
                }
            }
            records.add(new ProducerRecord<>("shop.checkouts", utf8(checkout.getUserId()), checkouts.encode(checkout)));
        }
        assertEquals(1, captured.signum(), "the generator made captured checkouts");
        records.add(new ProducerRecord<>("shop.checkouts", utf8("u-x"), utf8("{not json")));
        KAFKA.produce(records);

        JobRun.bounded(
                CategoryRevenueSpec.DATASTREAM,
                KAFKA,
                "--topics",
                "checkout_events=shop.checkouts, category_revenue=shop.revenue");

        EventCodec<CategoryRevenue> revenue = EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
        BigDecimal total = KAFKA.consumeAll("shop.revenue", Duration.ofSeconds(30)).stream()
                .map(record -> revenue.decode(record.value()).getRevenue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(
                0, captured.compareTo(total), "all captured revenue on shop.revenue: " + total + " vs " + captured);
        List<ConsumerRecord<byte[], byte[]>> dead = KAFKA.consumeUntil("shop.checkouts_dlq", 1, Duration.ofSeconds(30));
        assertEquals(
                "shop.checkouts",
                new String(
                        dead.get(0)
                                .headers()
                                .lastHeader(DeadLetters.HEADER_SOURCE_TOPIC)
                                .value(),
                        StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
