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
package org.retailstream.flink.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.demo.CheckoutGenerator;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * A partition that receives nothing but undecodable records (keyless bad lines all land on one) is
 * idle for the watermark: windows of the other partitions still close while bad records keep coming.
 * Before the fix the bad records counted as activity and held the job's watermark at its start.
 */
class UndecodablePartitionTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @Test
    void windowsCloseWhileOnePartitionGetsOnlyUndecodableRecords() throws Exception {
        KAFKA.createTopic("checkout_events", 2);
        KAFKA.createTopic("checkout_events_dlq", 1);
        KAFKA.createTopic("category_revenue", 1);
        EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        CheckoutGenerator generator = new CheckoutGenerator(11);
        List<ProducerRecord<byte[], byte[]>> valid = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // 10:00 to 10:06:30, all captured ones on partition 0
            CheckoutEvent checkout = generator.next(
                    java.time.Instant.parse("2026-11-20T10:00:00Z").plusSeconds(10L * i));
            checkout.setPaymentStatus(PaymentStatus.CAPTURED);
            valid.add(new ProducerRecord<>("checkout_events", 0, utf8(checkout.getUserId()), codec.encode(checkout)));
        }
        KAFKA.produce(valid);

        JobClient job = JobRun.unbounded(CategoryRevenueSpec.DATASTREAM, KAFKA, "--idleness", "1s");
        try {
            AtomicLong lastBad = new AtomicLong();
            Conditions.await("a window closes while partition 1 gets bad records", Duration.ofSeconds(90), () -> {
                if (System.nanoTime() - lastBad.get() > 200_000_000L) { // a bad record every 200 ms
                    lastBad.set(System.nanoTime());
                    KAFKA.produce(List.of(new ProducerRecord<>("checkout_events", 1, null, utf8("{not json"))));
                }
                return !KAFKA.consumeAll("category_revenue", Duration.ofSeconds(10))
                        .isEmpty();
            });
        } finally {
            job.cancel().get();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
