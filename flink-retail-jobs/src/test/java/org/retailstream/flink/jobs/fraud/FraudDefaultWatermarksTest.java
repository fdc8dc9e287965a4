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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * The fraud pattern (CEP) with the watermarks users get by default, on an unbounded source: the
 * pattern fires once the periodic watermark passes the retry, and a payment a day behind it goes to
 * the dead letters as read, never into an alert.
 */
class FraudDefaultWatermarksTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void topics() throws Exception {
        OrderedTopics.create(KAFKA, RetailTopic.FRAUD_ALERTS, RetailTopic.CHECKOUT_EVENTS);
    }

    @Test
    void thePatternFiresOnPeriodicWatermarksAndALatePaymentIsDeadLettered() throws Exception {
        List<CheckoutEvent> payments = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            payments.add(FraudJobTest.payment(
                    "eve", "h" + day, "0" + day + "T09:00:00", "40.00", "DE", PaymentStatus.CAPTURED, 1));
        }
        payments.add(FraudJobTest.payment("eve", "x1", "10T12:00:00", "900.00", "BR", PaymentStatus.DECLINED, 1));
        payments.add(FraudJobTest.payment("eve", "x1", "10T12:03:00", "900.00", "BR", PaymentStatus.RETRY, 2));
        // Someone else paying an hour later moves the watermark past the retry.
        payments.add(FraudJobTest.payment("ann", "a1", "10T13:00:00", "20.00", "DE", PaymentStatus.CAPTURED, 1));
        produce(payments);

        JobClient job = JobRun.unbounded(FraudSpec.SPEC, KAFKA);
        try {
            Conditions.await("eve's alert is out", WAIT, () -> !alerts().isEmpty());
            // A day behind the watermark: the pattern cannot order it in any more.
            produce(List.of(FraudJobTest.payment("zed", "z1", "09T12:00:00", "900.00", "BR", PaymentStatus.RETRY, 2)));
            Conditions.await(
                    "zed's payment is a dead letter", WAIT, () -> lateLetters().contains("zed"));
        } finally {
            job.cancel().get();
        }
        assertEquals(
                List.of("eve"), alerts().stream().map(FraudAlert::getUserId).toList());
        assertEquals(List.of("zed"), lateLetters());
    }

    private static void produce(List<CheckoutEvent> payments) throws InterruptedException {
        Events.produce(KAFKA, RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class, CheckoutEvent::getUserId, payments);
    }

    private static List<FraudAlert> alerts() {
        return Events.output(KAFKA, RetailTopic.FRAUD_ALERTS, FraudAlert.class);
    }

    /** The keys of the dead letters whose error says late. */
    private static List<String> lateLetters() {
        List<String> keys = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> letter : KAFKA.consumeAll("checkout_events_dlq", Duration.ofSeconds(10))) {
            String error =
                    new String(letter.headers().lastHeader("retail.dlq.error").value(), StandardCharsets.UTF_8);
            assertTrue(error.startsWith("late:"), error);
            keys.add(new String(letter.key(), StandardCharsets.UTF_8));
        }
        return keys;
    }
}
