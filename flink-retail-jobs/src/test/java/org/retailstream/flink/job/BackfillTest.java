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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.demo.CheckoutGenerator;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * --starting-offsets: a bounded backfill run again with the same consumer group reads the topic again
 * from the start when asked to (with the default, committed offsets, the group has nothing left to read).
 */
class BackfillTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    private static final EventCodec<CategoryRevenue> REVENUE =
            EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);

    @ParameterizedTest
    @ValueSource(strings = {"category-revenue", "category-revenue-sql"})
    void aSecondRunFromTheEarliestOffsetsGivesTheSameWindowsAgain(String job) throws Exception {
        JobSpec spec = job.equals("category-revenue") ? CategoryRevenueSpec.DATASTREAM : CategoryRevenueSpec.SQL;
        String in = job + ".checkouts";
        String out = job + ".revenue";
        KAFKA.createTopic(in, 1);
        KAFKA.createTopic(in + "_dlq", 1);
        KAFKA.createTopic(out, 1);
        produceCheckouts(in);
        String[] options = {"--topics", "checkout_events=" + in + ",category_revenue=" + out, "--group-id", job};

        JobRun.bounded(spec, KAFKA, options);
        List<String> first = windows(out);
        assertTrue(first.size() > 3, "the first run closed several windows: " + first);

        List<String> again = new ArrayList<>(List.of(options));
        again.addAll(List.of("--starting-offsets", "earliest"));
        JobRun.bounded(spec, KAFKA, again.toArray(String[]::new));
        List<String> both = windows(out);
        assertEquals(2 * first.size(), both.size(), "the second run wrote every window again: " + both);
        assertEquals(sorted(first), sorted(both.subList(first.size(), both.size())));
    }

    private static void produceCheckouts(String topic) throws Exception {
        EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        CheckoutGenerator generator = new CheckoutGenerator(7);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CheckoutEvent checkout =
                    generator.next(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(10L * i));
            records.add(new ProducerRecord<>(
                    topic, checkout.getUserId().getBytes(StandardCharsets.UTF_8), codec.encode(checkout)));
        }
        KAFKA.produce(records);
    }

    /** Each output record as "category window-start revenue currency", in the order the topic holds them. */
    private static List<String> windows(String topic) {
        return KAFKA.consumeAll(topic, Duration.ofSeconds(30)).stream()
                .map(record -> REVENUE.decode(record.value()))
                .map(r -> r.getCategory() + " " + r.getWindowStart() + " "
                        + r.getRevenue().toPlainString() + " " + r.getCurrency())
                .toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
