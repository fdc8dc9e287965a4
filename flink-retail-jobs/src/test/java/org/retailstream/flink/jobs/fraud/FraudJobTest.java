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
package org.retailstream.flink.jobs.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.FraudAlert;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.Events;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.KafkaBrokerExtension;

class FraudJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @BeforeAll
    static void topics() throws Exception {
        OrderedTopics.create(KAFKA, RetailTopic.FRAUD_ALERTS, RetailTopic.CHECKOUT_EVENTS);
    }

    @Test
    void aForeignHighValuePaymentRetriedSoonIsAlertedWithItsEvidenceAndNothingElseIs() throws Exception {
        List<CheckoutEvent> payments = new ArrayList<>();
        for (String user : List.of("eve", "joe", "kim")) {
            for (int day = 1; day <= 3; day++) {
                payments.add(
                        payment(user, "h" + day, "0" + day + "T09:00:00", "40.00", "DE", PaymentStatus.CAPTURED, 1));
            }
        }
        payments.add(payment("new", "h1", "01T09:00:00", "40.00", "DE", PaymentStatus.CAPTURED, 1));
        // eve: 900 EUR from Brazil, declined, retried 3 minutes later: fraud pattern.
        payments.add(payment("eve", "x1", "10T12:00:00", "900.00", "BR", PaymentStatus.DECLINED, 1));
        payments.add(payment("eve", "x1", "10T12:03:00", "900.00", "BR", PaymentStatus.RETRY, 2));
        // joe: the same, but the retry comes after 30 minutes: outside the window.
        payments.add(payment("joe", "x1", "10T12:00:00", "900.00", "FR", PaymentStatus.DECLINED, 1));
        payments.add(payment("joe", "x1", "10T12:30:00", "900.00", "FR", PaymentStatus.RETRY, 2));
        // kim: high value and a retry, but from her usual country.
        payments.add(payment("kim", "x1", "10T12:00:00", "900.00", "DE", PaymentStatus.DECLINED, 1));
        payments.add(payment("kim", "x1", "10T12:02:00", "900.00", "DE", PaymentStatus.RETRY, 2));
        // new: no usual country yet.
        payments.add(payment("new", "x1", "10T12:00:00", "900.00", "US", PaymentStatus.DECLINED, 1));
        payments.add(payment("new", "x1", "10T12:01:00", "900.00", "US", PaymentStatus.RETRY, 2));
        payments.sort(Comparator.comparing(CheckoutEvent::getEventTime));
        // One payment a day behind everything else: behind the watermark at the pattern, dead-lettered.
        payments.add(payment("zed", "x1", "09T12:00:00", "900.00", "BR", PaymentStatus.RETRY, 2));
        Events.produce(KAFKA, RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class, CheckoutEvent::getUserId, payments);

        // One reader for the one partition: lateness then depends on the data alone, not on when an
        // empty second reader finishes.
        JobRun.bounded(FraudSpec.SPEC, KAFKA, "--parallelism", "1");

        List<FraudAlert> alerts = Events.output(KAFKA, RetailTopic.FRAUD_ALERTS, FraudAlert.class);
        assertEquals(1, alerts.size(), alerts.toString());
        FraudAlert alert = alerts.get(0);
        assertEquals("eve", alert.getUserId());
        assertEquals("DE", alert.getUsualCountry());
        assertEquals("BR", alert.getCountry());
        assertEquals(new BigDecimal("900.0000"), alert.getTotalAmount());
        assertEquals(Instant.parse("2026-11-10T12:03:00Z"), alert.getDetectedAt());
        assertEquals(
                List.of("DECLINED", "RETRY"),
                alert.getEvidence().stream().map(e -> e.getPaymentStatus()).toList());
        assertEquals("high-value-foreign-retry", alert.getPattern());
        List<String> late = new ArrayList<>();
        for (var letter : KAFKA.consumeAll("checkout_events_dlq", java.time.Duration.ofSeconds(30))) {
            String error = new String(
                    letter.headers().lastHeader("retail.dlq.error").value(), java.nio.charset.StandardCharsets.UTF_8);
            if (error.startsWith("late:")) {
                late.add(new String(letter.key(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("zed"), late);
    }

    static CheckoutEvent payment(
            String user, String order, String time, String total, String country, PaymentStatus status, int attempt) {
        return CheckoutEvent.newBuilder()
                .setEventId(user + "-" + order + "-" + attempt)
                .setEventTime(Instant.parse("2026-11-" + time + "Z"))
                .setOrderId(user + "-" + order)
                .setUserId(user)
                .setPaymentStatus(status)
                .setPaymentAttempt(attempt)
                .setTotalAmount(new BigDecimal(total).setScale(4))
                .setCurrency("EUR")
                .setCountry(country)
                .setLines(List.of())
                .build();
    }
}
