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
package org.retailstream.flink.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.support.Events;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.testkit.KafkaBrokerExtension;

/** --client-properties reaches every client of a job: source, output sink and dead-letter sink on SASL/PLAIN. */
class SaslJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.saslPlain();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @Test
    void aJobReadsAndWritesThroughSaslWithTheClientPropertiesFile(@TempDir Path dir) throws Exception {
        Path properties = dir.resolve("client.properties");
        try (Writer out = Files.newBufferedWriter(properties)) {
            KAFKA.clientProperties().store(out, "SASL/PLAIN client of the test broker");
        }
        Events.produce(
                KAFKA,
                RetailTopic.CHECKOUT_EVENTS,
                CheckoutEvent.class,
                CheckoutEvent::getUserId,
                List.of(checkout("o1", "10:00:10"), checkout("o2", "10:00:20"), checkout("o3", "10:02:00")));

        JobRun.bounded(CategoryRevenueSpec.DATASTREAM, KAFKA, "--client-properties", properties.toString());

        List<CategoryRevenue> revenue = Events.output(KAFKA, RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
        assertEquals(2, revenue.size(), revenue.toString());
        assertEquals(
                new BigDecimal("2.0000"),
                revenue.stream()
                        .filter(r -> r.getWindowStart().equals(Instant.parse("2026-11-20T10:00:00Z")))
                        .findFirst()
                        .orElseThrow()
                        .getRevenue());
    }

    private static CheckoutEvent checkout(String order, String time) {
        return CheckoutEvent.newBuilder()
                .setEventId("e-" + order)
                .setEventTime(Instant.parse("2026-11-20T" + time + "Z"))
                .setOrderId(order)
                .setUserId("u-1")
                .setPaymentStatus(PaymentStatus.CAPTURED)
                .setPaymentAttempt(1)
                .setTotalAmount(new BigDecimal("1.0000"))
                .setCurrency("EUR")
                .setCountry("DE")
                .setLines(List.of(OrderLine.newBuilder()
                        .setSku("s")
                        .setCategory("misc")
                        .setQuantity(1)
                        .setUnitPrice(new BigDecimal("1.0000"))
                        .build()))
                .build();
    }
}
