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
package org.retailstream.flink.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.job.Environments;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.support.Events;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * Exactly-once end to end: the task manager running category-revenue dies mid-stream, the job
 * restarts from its last checkpoint on a new one, and the committed output (read_committed) holds
 * every window exactly once.
 */
@Tag("slow")
class TaskManagerLossTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    private MiniCluster cluster;

    @BeforeAll
    static void topics() throws Exception {
        OrderedTopics.create(KAFKA, RetailTopic.CATEGORY_REVENUE, RetailTopic.CHECKOUT_EVENTS);
    }

    @BeforeEach
    void startCluster() throws Exception {
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .build());
        cluster.start();
    }

    @AfterEach
    void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void losingTheTaskManagerMidStreamNeitherLosesNorDuplicatesAWindow() throws Exception {
        Events.produce(
                KAFKA, RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class, CheckoutEvent::getUserId, minutes(0, 5));
        JobID job = submit();
        Conditions.await(
                "the first windows committed",
                Duration.ofSeconds(60),
                () -> Events.output(KAFKA, RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class)
                                .size()
                        >= 4);

        cluster.terminateTaskManager(0).get();
        cluster.startTaskManager();
        Events.produce(
                KAFKA, RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class, CheckoutEvent::getUserId, minutes(5, 11));
        Conditions.await(
                "all ten windows committed",
                Duration.ofSeconds(90),
                () -> Events.output(KAFKA, RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class)
                                .size()
                        >= 20);
        cluster.cancelJob(job).get();
        Conditions.await("the job cancelled", Duration.ofSeconds(30), () -> status(job) == JobStatus.CANCELED);

        Map<String, Integer> seen = new HashMap<>();
        for (CategoryRevenue revenue : Events.output(KAFKA, RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class)) {
            seen.merge(revenue.getCategory() + "@" + revenue.getWindowStart(), 1, Integer::sum);
            assertEquals(new BigDecimal("30.0000"), revenue.getRevenue(), "3 orders of 10.00 per category and minute");
        }
        Map<String, Integer> once = new HashMap<>();
        for (int minute = 0; minute < 10; minute++) {
            for (String category : List.of("toys", "books")) {
                once.put(category + "@" + start().plusSeconds(60L * minute), 1);
            }
        }
        assertEquals(once, seen);
    }

    private JobStatus status(JobID job) throws InterruptedException {
        try {
            return cluster.getJobStatus(job).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot read the job status", e);
        }
    }

    private JobID submit() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobSettings settings = JobSettings.parse(
                CategoryRevenueSpec.DATASTREAM,
                List.of(
                        "--bootstrap-servers", KAFKA.bootstrapServers(),
                        "--parallelism", "2",
                        "--checkpoint-interval", "300ms",
                        "--idleness", "1s",
                        "--watermark-per-event", "true",
                        "--restart-attempts", "5"));
        Environments.build(env, CategoryRevenueSpec.DATASTREAM, settings);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        return cluster.submitJob(graph).get().getJobID();
    }

    /** Three captured orders per category in each minute from {@code from} to {@code to} (exclusive). */
    private static List<CheckoutEvent> minutes(int from, int to) {
        List<CheckoutEvent> events = new ArrayList<>();
        for (int minute = from; minute < to; minute++) {
            for (int i = 0; i < 3; i++) {
                for (String category : List.of("toys", "books")) {
                    Instant time = start().plusSeconds(60L * minute + 10L * i + (category.equals("toys") ? 0 : 5));
                    events.add(CheckoutEvent.newBuilder()
                            .setEventId("e-" + category + minute + i)
                            .setEventTime(time)
                            .setOrderId("o-" + category + minute + i)
                            .setUserId("u-1")
                            .setPaymentStatus(PaymentStatus.CAPTURED)
                            .setPaymentAttempt(1)
                            .setTotalAmount(new BigDecimal("10.0000"))
                            .setCurrency("EUR")
                            .setCountry("DE")
                            .setLines(List.of(OrderLine.newBuilder()
                                    .setSku(category + "-1")
                                    .setCategory(category)
                                    .setQuantity(1)
                                    .setUnitPrice(new BigDecimal("10.0000"))
                                    .build()))
                            .build());
                }
            }
        }
        return events;
    }

    private static Instant start() {
        return Instant.parse("2026-11-20T08:00:00Z");
    }
}
