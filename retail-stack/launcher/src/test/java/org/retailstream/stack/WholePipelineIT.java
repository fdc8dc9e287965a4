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
package org.retailstream.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.chrome.ChromeDriver;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.stack.dashboard.DashboardPage;
import org.retailstream.stack.dashboard.HeadlessChromium;
import org.retailstream.testkit.Conditions;

/**
 * The run command as a user runs it: the whole pipeline as processes, records through every path
 * (read_committed, from Kafka), Ctrl-C that drains, reconciles and leaves no process behind, and a
 * second run on the same data folder that resumes every job from its savepoint without duplicates; the
 * Spark jobs run beside (--spark) and write the same category revenue windows as the Flink job.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholePipelineIT {

    private static final Path DATA = Path.of("target", "stack-it", "data").toAbsolutePath();
    private static final Duration PATHS_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> EVERY_PATH = List.of(
            // Flume
            "user_clickstream",
            "pos_logs",
            // NiFi, polling the simulated competitor and weather APIs
            "competitor_prices",
            "weather_observations",
            // the shop's services
            "cart_updates",
            "checkout_events",
            "inventory_updates",
            "price_rules_update",
            // each job's output
            "category_revenue",
            "cart_abandonment_alerts",
            "user_sessions",
            "fraud_alerts",
            "pos_health",
            "price_recommendations",
            // the Spark jobs (--spark), beside the Flink jobs' topics
            "category_revenue_spark",
            "user_sessions_spark",
            "priced_cart_updates",
            // malformed records, dead-lettered by the jobs
            "user_clickstream_dlq",
            "cart_updates_dlq",
            "checkout_events_dlq",
            "pos_logs_dlq");

    private static int kafkaPort;
    private static RunCommandProcess run;
    private static List<ProcessHandle> parts;

    @Test
    @Order(1)
    void everyPathCarriesRecords() throws Exception {
        kafkaPort = RunCommandProcess.freePort();
        run = RunCommandProcess.start(
                DATA,
                kafkaPort,
                RunCommandProcess.freePort(),
                RunCommandProcess.freePort(),
                "--fresh",
                "--rate",
                "300",
                "--malformed",
                "0.01",
                "--spark");
        awaitConsole(run, "Flink web UI");
        try (CommittedTopics topics = new CommittedTopics("127.0.0.1:" + kafkaPort, EVERY_PATH)) {
            topics.awaitUntil("records on every path", PATHS_TIMEOUT, read -> EVERY_PATH.stream()
                    .allMatch(topic -> !read.get(topic).isEmpty()));
            assertSparkAndFlinkWriteTheSameWindows(topics);
        }
        assertFlumeMetricsAnswer(run.console());
        parts = run.process().descendants().toList();
        assertTrue(
                parts.size() >= 6, "Kafka, two Flink processes, two Flume agents and NiFi run as processes: " + parts);
    }

    @Test
    @Order(2)
    void theDashboardShowsTheRunsOutputsInABrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        java.util.regex.Matcher address =
                java.util.regex.Pattern.compile("Dashboard +(http://\\S+)").matcher(run.console());
        assertTrue(address.find(), "the dashboard's address is printed: " + run.console());
        ChromeDriver browser = HeadlessChromium.start(DATA.resolveSibling("chromium-profile"));
        try (CommittedTopics revenue = new CommittedTopics("127.0.0.1:" + kafkaPort, List.of("category_revenue"))) {
            DashboardPage page = new DashboardPage(browser);
            page.open(address.group(1));
            // Both sides move while the run goes on; the check is that they meet: the page's latest window
            // of each category is the one the topic holds last for it, amount for amount.
            Map<String, String> shown = new HashMap<>();
            Map<String, String> inTopic = new HashMap<>();
            try {
                Conditions.await("the page's latest revenue windows to equal the topic's", PATHS_TIMEOUT, () -> {
                    revenue.awaitCaughtUp(Duration.ofSeconds(30));
                    inTopic.clear();
                    inTopic.putAll(latestWindowPerCategory(revenue.records("category_revenue")));
                    shown.clear();
                    page.latestRevenue()
                            .forEach((category, row) -> shown.put(
                                    category, row.windowStart() + " " + new BigDecimal(row.revenue()).toPlainString()));
                    return !shown.isEmpty() && shown.equals(inTopic);
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; page " + shown + ", topic " + inTopic, e);
            }
            Conditions.await(
                    "the page to show the run's topics and jobs",
                    PATHS_TIMEOUT,
                    () -> !page.topics().isEmpty() && page.links().containsKey("NiFi UI"));
            assertTrue(
                    Long.parseLong(page.topics().get("checkout_events").get(0)) > 0,
                    page.topics().toString());
            assertFalse(page.posGrid().isEmpty(), "the POS grid shows the stores' terminals");
            page.screenshot(Path.of("target", "dashboard", "whole-pipeline.png"));
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void ctrlCDrainsReconcilesAndLeavesNothingRunning() throws Exception {
        run.interrupt();

        assertEquals(0, run.awaitExit(Duration.ofMinutes(4)), "exit code after Ctrl-C; console:\n" + run.console());
        String console = run.console();
        assertTrue(console.contains("Reconciliation of this run"), console);
        assertTrue(console.contains("BALANCED: every produced event reached Kafka"), console);
        assertTrue(
                console.matches("(?s).*memory \\(RSS, MiB\\):  launcher [\\d,]+  kafka [\\d,]+  nifi [\\d,]+.*"),
                "the summary shows each part's memory");
        assertTrue(
                console.matches("(?s).*DEAD LETTERS +COUNT +WHY.*\ncheckout_events_dlq +[\\d,]+  Cannot decode.*"),
                "the reconciliation says why events were dead-lettered");
        for (ProcessHandle part : parts) {
            part.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(part.isAlive(), "left running after Ctrl-C: " + part.info());
        }
        assertFalse(Files.exists(DATA.resolve("run.pids")), "a clean stop leaves no pid file");
        run.close();
        run = null;
    }

    @AfterAll
    static void stopTheRun() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(4)
    void aSecondRunResumesEveryJobFromItsSavepointWithoutDuplicateOutputs() throws Exception {
        try (RunCommandProcess run = RunCommandProcess.start(
                DATA,
                kafkaPort,
                RunCommandProcess.freePort(),
                RunCommandProcess.freePort(),
                "--duration",
                "40s",
                "--seed",
                "7")) {
            assertEquals(0, run.awaitExit(Duration.ofMinutes(5)), "exit code; console:\n" + run.console());
            assertTrue(run.console().contains("BALANCED"), run.console());
        }
        String stackLog = Files.readString(DATA.resolve("logs/stack.log"));
        for (String job : List.of("category-revenue", "cart-abandonment", "fraud", "pos-health", "sessions")) {
            assertTrue(
                    stackLog.matches("(?s).*Submitted " + job + " as \\w+ from file:.*"),
                    job + " resumed from a savepoint");
        }
        try (KafkaFromDataFolder kafka = KafkaFromDataFolder.start(DATA);
                CommittedTopics topics = new CommittedTopics(
                        kafka.bootstrapServers(),
                        List.of(
                                "category_revenue",
                                "cart_abandonment_alerts",
                                "fraud_alerts",
                                "user_sessions",
                                "checkout_events",
                                "checkout_events_dlq"))) {
            topics.awaitCaughtUp(Duration.ofMinutes(1));
            assertUnique(topics, RetailTopic.CATEGORY_REVENUE, r -> r.get(0) + "@" + r.get(1));
            assertUnique(topics, RetailTopic.CART_ABANDONMENT_ALERTS, r -> r.get(0));
            assertUnique(topics, RetailTopic.FRAUD_ALERTS, r -> r.get(0));
            assertUnique(topics, RetailTopic.USER_SESSIONS, r -> r.get(0));
            assertEveryClosedWindowHoldsExactlyItsCapturedCheckouts(topics);
        }
    }

    private static void assertUnique(CommittedTopics topics, RetailTopic topic, Function<SpecificRecord, Object> key) {
        EventCodec<? extends SpecificRecord> codec = EventCodec.forTopic(topic);
        Set<Object> seen = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : topics.records(topic.topicName())) {
            Object id = key.apply(codec.decode(record.value()));
            assertTrue(seen.add(id), topic.topicName() + " holds " + id + " twice");
        }
        assertFalse(seen.isEmpty(), topic.topicName() + " is empty");
    }

    /** Consumers must not care which engine wrote a window: where both wrote one, it holds the same figures. */
    private static void assertSparkAndFlinkWriteTheSameWindows(CommittedTopics topics) {
        Map<String, String> common = new HashMap<>();
        topics.awaitUntil("a window written by both Flink and Spark", PATHS_TIMEOUT, read -> {
            Map<String, String> flink = windows(read.get("category_revenue"));
            Map<String, String> spark = windows(read.get("category_revenue_spark"));
            common.clear();
            spark.keySet().stream().filter(flink::containsKey).forEach(key -> common.put(key, flink.get(key)));
            return !common.isEmpty();
        });
        Map<String, String> spark = windows(topics.records("category_revenue_spark"));
        common.forEach((window, flink) -> assertEquals(flink, spark.get(window), window + ": Flink vs Spark"));
    }

    /** category, currency and window start -> revenue, orders and units of the latest record of each. */
    private static Map<String, String> windows(List<ConsumerRecord<byte[], byte[]>> records) {
        EventCodec<CategoryRevenue> codec = EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
        Map<String, String> windows = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            CategoryRevenue window = codec.decode(record.value());
            windows.put(
                    window.getCategory() + " " + window.getCurrency() + " " + window.getWindowStart(),
                    window.getRevenue().toPlainString() + " / " + window.getOrderCount() + " orders / "
                            + window.getUnits() + " units");
        }
        return windows;
    }

    private static Map<String, String> latestWindowPerCategory(List<ConsumerRecord<byte[], byte[]>> records) {
        EventCodec<CategoryRevenue> codec = EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
        Map<String, CategoryRevenue> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            CategoryRevenue window = codec.decode(record.value());
            latest.merge(
                    window.getCategory(),
                    window,
                    (old, next) -> next.getWindowStart().isBefore(old.getWindowStart()) ? old : next);
        }
        Map<String, String> byCategory = new HashMap<>();
        latest.forEach((category, window) -> byCategory.put(
                category,
                window.getWindowStart().toEpochMilli() + " "
                        + window.getRevenue().toPlainString()));
        return byCategory;
    }

    /** Across both runs and the savepoint between them: each emitted window equals its checkouts, to the cent. */
    private static void assertEveryClosedWindowHoldsExactlyItsCapturedCheckouts(CommittedTopics topics) {
        EventCodec<CheckoutEvent> checkouts = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        Map<String, BigDecimal> expected = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : topics.records("checkout_events")) {
            CheckoutEvent checkout;
            try {
                checkout = checkouts.decode(record.value());
            } catch (RuntimeException malformed) {
                continue; // dead-lettered, asserted by the reconciliation
            }
            if (checkout.getPaymentStatus() != PaymentStatus.CAPTURED) {
                continue;
            }
            Instant minute = checkout.getEventTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            for (OrderLine line : checkout.getLines()) {
                expected.merge(
                        line.getCategory() + "@" + minute,
                        line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())),
                        BigDecimal::add);
            }
        }
        EventCodec<CategoryRevenue> revenue = EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
        List<String> wrong = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : topics.records("category_revenue")) {
            CategoryRevenue window = revenue.decode(record.value());
            String key = window.getCategory() + "@" + window.getWindowStart();
            BigDecimal want = expected.getOrDefault(key, BigDecimal.ZERO);
            if (want.compareTo(window.getRevenue()) != 0) {
                wrong.add(key + ": emitted " + window.getRevenue() + ", checkouts hold " + want);
            }
        }
        assertTrue(wrong.isEmpty(), "windows that do not hold exactly their checkouts: " + wrong);
    }

    /** Each agent's HTTP monitoring (LoopbackHttpMetrics, on 127.0.0.1) answers with the sink's counters. */
    private static void assertFlumeMetricsAnswer(String console) throws Exception {
        java.util.regex.Matcher urls = java.util.regex.Pattern.compile("Flume (\\w+) metrics (http://\\S+)")
                .matcher(console);
        int agents = 0;
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        while (urls.find()) {
            agents++;
            java.net.http.HttpResponse<String> metrics = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(urls.group(2)))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), urls.group(1) + ": " + metrics.body());
            assertTrue(metrics.body().contains("\"SINK.kafka\""), metrics.body());
            assertTrue(metrics.body().contains("EventDrainSuccessCount"), metrics.body());
        }
        assertEquals(2, agents, "the web and POS agents' metrics addresses are printed: " + console);
    }

    private static void awaitConsole(RunCommandProcess run, String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!run.console().contains(text)) {
            if (!run.process().isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("bin/run did not print '" + text + "'; console:\n" + run.console());
            }
            Thread.sleep(200);
        }
    }
}
