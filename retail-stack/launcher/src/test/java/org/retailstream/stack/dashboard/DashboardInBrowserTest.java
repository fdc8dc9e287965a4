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
package org.retailstream.stack.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.model.CartItem;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.FraudAlert;
import org.retailstream.events.model.PosHealthAlert;
import org.retailstream.events.model.PosHealthStatus;
import org.retailstream.events.model.PriceRecommendation;
import org.retailstream.events.model.UserSession;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.stack.watch.JobProgress;
import org.retailstream.stack.watch.OutputWatcher;
import org.retailstream.stack.watch.PipelineHealth;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * The dashboard in a real browser (Debian's headless chromium), fed by a real broker through the run
 * command's own watcher and server: the outputs are written in transactions as the jobs write them, and
 * the page must show what a read_committed consumer reads back — nothing of an aborted transaction, the
 * last value of a re-emitted window, the newest window of a terminal — then move without a reload, and
 * come back where it was after one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInBrowserTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final Path OUTPUT = Path.of("target", "dashboard").toAbsolutePath();
    private static final Instant MINUTE = Instant.parse("2026-12-03T10:00:00Z");

    private static OutputWatcher watcher;
    private static DashboardServer server;
    private static ChromeDriver browser;
    private static DashboardPage page;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void startDashboardAndBrowser() throws Exception {
        if (!HeadlessChromium.installed()) {
            return; // each test says it is skipped, and why
        }
        DashboardModel model = new DashboardModel(Clock.systemUTC());
        watcher = new OutputWatcher(KAFKA.bootstrapServers(), fromTheStart(), model);
        server = DashboardServer.start(model, 0);
        model.pipeline(new PipelineHealth(
                75,
                List.of(new PipelineHealth.TopicFlow("checkout_events", 1200, 20.0, 3, "Cannot decode: not JSON")),
                List.of(new JobProgress("category-revenue", "RUNNING", "category_revenue", 5, 0)),
                Map.of("Flink UI", "http://127.0.0.1:8081/")));
        Properties config = KAFKA.clientProperties();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dashboard-test");
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        writeTheFirstOutputs();
        browser = HeadlessChromium.start(OUTPUT.resolve("chromium-profile"));
        page = new DashboardPage(browser);
    }

    @BeforeEach
    void needsTheBrowser() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    @Order(1)
    void thePageShowsWhatTheCommittedTopicsHold() throws Exception {
        page.open(server.url());
        Map<String, CategoryRevenue> latest = latestWindowPerCategory();
        Conditions.await("the page to show the latest window of each category", PAGE_TIMEOUT, () -> page.latestRevenue()
                .keySet()
                .equals(latest.keySet()));

        Map<String, DashboardPage.RevenueRow> shown = page.latestRevenue();
        assertEquals(List.of("apparel", "electronics"), List.copyOf(shown.keySet()), "no aborted category shown");
        latest.forEach((category, window) -> {
            DashboardPage.RevenueRow row = shown.get(category);
            assertEquals(window.getWindowStart().toEpochMilli(), row.windowStart(), category);
            assertEquals(0, window.getRevenue().compareTo(new BigDecimal(row.revenue())), category);
            assertEquals(window.getCurrency(), row.currency(), category);
            assertEquals(window.getOrderCount(), row.orders(), category);
        });
        assertEquals("€987.65", shown.get("electronics").shownRevenue(), "the re-emitted window's last value");

        assertEquals(expectedPosGrid(), page.posGrid());
        assertEquals("SILENT", page.posGrid().get("103/3"));
        assertEquals(expectedPrices(), page.recommendedPrices());
        assertEquals(String.valueOf(count(RetailTopic.CART_ABANDONMENT_ALERTS)), page.text("carts-total"));
        assertEquals(List.of("user-2", "user-1"), page.firstColumn("carts-latest"), "newest first");
        assertEquals(String.valueOf(count(RetailTopic.FRAUD_ALERTS)), page.text("fraud-total"));
        assertEquals("3", page.text("sessions-count"));
        assertEquals("70.0 s", page.text("sessions-mean"), "(60 + 120 + 30 s) / 3");
        assertEquals("33.3%", page.text("sessions-conversion"));
        assertEquals(
                List.of("1200", "3", "Cannot decode: not JSON"), page.topics().get("checkout_events"));
        assertEquals(Map.of("Flink UI", "http://127.0.0.1:8081/"), page.links());
        assertTrue(
                page.loadedResources().stream().allMatch(address -> address.startsWith(server.url())),
                "everything comes from the dashboard itself (works offline): " + page.loadedResources());
        Path screenshot = page.screenshot(OUTPUT.resolve("dashboard.png"));
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page in " + screenshot);
    }

    @Test
    @Order(2)
    void aNewWindowReachesTheOpenPageWithoutAReload() throws Exception {
        Object marker = page.script("window.notReloaded = true; return true;");
        assertEquals(Boolean.TRUE, marker);
        Conditions.await("the event stream to be open", PAGE_TIMEOUT, () -> page.connection()
                .equals("live"));
        long before = page.version();
        inTransaction(List.of(revenue("apparel", MINUTE.plusSeconds(120), "55.0000", 2)));

        Conditions.await(
                "the page to show the new apparel window",
                PAGE_TIMEOUT,
                () -> page.latestRevenue().get("apparel").windowStart()
                        == MINUTE.plusSeconds(120).toEpochMilli());
        assertEquals("€55.00", page.latestRevenue().get("apparel").shownRevenue());
        assertTrue(page.version() > before);
        assertEquals(Boolean.TRUE, page.script("return window.notReloaded === true;"), "moved by the event stream");
        assertEquals(
                latestWindowPerCategory().get("apparel").getWindowStart().toEpochMilli(),
                page.latestRevenue().get("apparel").windowStart());
    }

    @Test
    @Order(3)
    void aReloadKeepsTheReadersChoicesAndPlaceAndShowsTheSameData() throws Exception {
        page.script("document.querySelector('#category-toggles input[data-category=\"electronics\"]').click();");
        assertEquals(Boolean.FALSE, chartShows("electronics"));
        browser.manage().window().setSize(new Dimension(1400, 700)); // a laptop's screen: the page scrolls
        page.script("document.getElementById('pipeline').scrollIntoView();");
        long scrolled = ((Number) page.script("return Math.round(window.scrollY);")).longValue();
        assertTrue(scrolled > 0, "the page is long enough to scroll");
        Map<String, DashboardPage.RevenueRow> beforeReload = page.latestRevenue();

        browser.navigate().refresh();

        Conditions.await("the reloaded page to show the state", PAGE_TIMEOUT, () -> page.version() >= 0);
        assertEquals(beforeReload, page.latestRevenue());
        assertEquals(
                Boolean.FALSE,
                page.script(
                        "return document.querySelector('#category-toggles input[data-category=\"electronics\"]').checked;"));
        assertEquals(Boolean.FALSE, chartShows("electronics"));
        assertEquals(Boolean.TRUE, chartShows("apparel"));
        assertEquals(scrolled, ((Number) page.script("return Math.round(window.scrollY);")).longValue());
    }

    private static Object chartShows(String category) {
        return page.script(
                "const chart = Chart.getChart('revenue-chart');"
                        + "const index = chart.data.datasets.findIndex(d => d.label === arguments[0]);"
                        + "return chart.isDatasetVisible(index);",
                category);
    }

    private static Map<TopicPartition, Long> fromTheStart() throws Exception {
        Map<TopicPartition, Long> from = new HashMap<>();
        try (Admin admin = KAFKA.admin()) {
            admin.describeTopics(OutputWatcher.watchedTopics())
                    .allTopicNames()
                    .get()
                    .forEach((topic, description) -> description
                            .partitions()
                            .forEach(p -> from.put(new TopicPartition(topic, p.partition()), 0L)));
        }
        return from;
    }

    private static void writeTheFirstOutputs() {
        inTransaction(List.of(
                revenue("apparel", MINUTE, "120.5000", 3),
                revenue("electronics", MINUTE, "300.0000", 1),
                revenue("apparel", MINUTE.plusSeconds(60), "80.2500", 2),
                revenue("electronics", MINUTE.plusSeconds(60), "950.0000", 2),
                // allowed lateness: the job emits the same window again with a late order in it
                revenue("electronics", MINUTE.plusSeconds(60), "987.6500", 3),
                pos("101", "1", MINUTE.plusSeconds(60), PosHealthStatus.OK),
                pos("101", "2", MINUTE.plusSeconds(60), PosHealthStatus.DEGRADED),
                pos("103", "3", MINUTE.plusSeconds(60), PosHealthStatus.SILENT),
                // an older window of 101/1 arriving after the newer one must not hide it
                pos("101", "1", MINUTE, PosHealthStatus.SILENT),
                price("SKU-1", "19.9900"),
                price("SKU-2", "5.0000"),
                price("SKU-1", "18.4900"),
                cart("user-1", "42.0000"),
                cart("user-2", "17.5000"),
                fraud("user-9"),
                session("s-1", 60_000, true),
                session("s-2", 120_000, false),
                session("s-3", 30_000, false)));
        producer.beginTransaction();
        producer.send(record(revenue("aborted-category", MINUTE.plusSeconds(60), "1.0000", 1)));
        producer.flush();
        producer.abortTransaction();
    }

    private static void inTransaction(List<SpecificRecord> outputs) {
        producer.beginTransaction();
        outputs.forEach(output -> producer.send(record(output)));
        producer.commitTransaction();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProducerRecord<byte[], byte[]> record(SpecificRecord output) {
        RetailTopic topic = topicOf(output);
        EventCodec codec = EventCodec.forTopic(topic);
        return new ProducerRecord<>(topic.topicName(), codec.encode(output));
    }

    private static RetailTopic topicOf(SpecificRecord output) {
        for (RetailTopic topic : RetailTopic.values()) {
            if (EventCodec.forTopic(topic).type().isInstance(output)) {
                return topic;
            }
        }
        throw new IllegalArgumentException(output.getClass().getName());
    }

    /** Read back as any consumer of the output would: read_committed, in each partition's order. */
    private static List<SpecificRecord> committed(RetailTopic topic) {
        EventCodec<? extends SpecificRecord> codec = EventCodec.forTopic(topic);
        List<SpecificRecord> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.consumeAll(topic.topicName(), Duration.ofSeconds(10))) {
            records.add(codec.decode(record.value()));
        }
        return records;
    }

    private static long count(RetailTopic topic) {
        return committed(topic).size();
    }

    private static Map<String, CategoryRevenue> latestWindowPerCategory() {
        Map<String, CategoryRevenue> latest = new TreeMap<>();
        for (SpecificRecord record : committed(RetailTopic.CATEGORY_REVENUE)) {
            CategoryRevenue window = (CategoryRevenue) record;
            latest.merge(
                    window.getCategory(),
                    window,
                    (old, next) -> next.getWindowStart().isBefore(old.getWindowStart()) ? old : next);
        }
        return latest;
    }

    private static Map<String, String> expectedPosGrid() {
        Map<String, PosHealthAlert> newest = new TreeMap<>();
        for (SpecificRecord record : committed(RetailTopic.POS_HEALTH)) {
            PosHealthAlert alert = (PosHealthAlert) record;
            newest.merge(
                    alert.getStoreId() + "/" + alert.getTerminalId(),
                    alert,
                    (old, next) -> next.getWindowStart().isBefore(old.getWindowStart()) ? old : next);
        }
        Map<String, String> grid = new TreeMap<>();
        newest.forEach((terminal, alert) -> grid.put(terminal, alert.getStatus().name()));
        assertFalse(grid.isEmpty());
        return grid;
    }

    private static Map<String, String> expectedPrices() {
        Map<String, String> prices = new TreeMap<>();
        for (SpecificRecord record : committed(RetailTopic.PRICE_RECOMMENDATIONS)) {
            PriceRecommendation price = (PriceRecommendation) record;
            prices.put(price.getSku(), price.getRecommendedPrice().toPlainString());
        }
        return prices;
    }

    private static CategoryRevenue revenue(String category, Instant start, String amount, long orders) {
        return CategoryRevenue.newBuilder()
                .setCategory(category)
                .setWindowStart(start)
                .setWindowEnd(start.plusSeconds(60))
                .setRevenue(new BigDecimal(amount))
                .setCurrency("EUR")
                .setOrderCount(orders)
                .setUnits(orders * 2)
                .build();
    }

    private static PosHealthAlert pos(String store, String terminal, Instant start, PosHealthStatus status) {
        return PosHealthAlert.newBuilder()
                .setStoreId(store)
                .setTerminalId(terminal)
                .setWindowStart(start)
                .setWindowEnd(start.plusSeconds(60))
                .setStatus(status)
                .setLineCount(status == PosHealthStatus.SILENT ? 0 : 40)
                .setErrorCount(status == PosHealthStatus.DEGRADED ? 12 : 0)
                .setErrorRate(status == PosHealthStatus.DEGRADED ? 0.3 : 0.0)
                .setLastSeenAt(null)
                .setReason(status.name().toLowerCase())
                .build();
    }

    private static PriceRecommendation price(String sku, String recommended) {
        return PriceRecommendation.newBuilder()
                .setSku(sku)
                .setRecommendedAt(MINUTE)
                .setCurrentPrice(new BigDecimal("20.0000"))
                .setRecommendedPrice(new BigDecimal(recommended))
                .setCurrency("EUR")
                .setChangePercent(-7.5)
                .setReason("cheapest in-stock competitor shop-b at 18.99; weather rain uplift 2.0%")
                .setRuleIds(List.of("undercut-5", "rain"))
                .setLowestCompetitorPrice(new BigDecimal("18.9900"))
                .setStockLevel(12)
                .setDemandScore(4.5)
                .setWeatherCondition("rain")
                .build();
    }

    private static CartAbandonmentAlert cart(String user, String value) {
        return CartAbandonmentAlert.newBuilder()
                .setAlertId("alert-" + user)
                .setUserId(user)
                .setCartId(null)
                .setFirstAddedAt(MINUTE)
                .setLastActivityAt(MINUTE.plusSeconds(30))
                .setTimeoutMinutes(30)
                .setItems(List.of(CartItem.newBuilder()
                        .setSku("SKU-1")
                        .setCategory("apparel")
                        .setQuantity(1)
                        .setUnitPrice(new BigDecimal(value))
                        .build()))
                .setCartValue(new BigDecimal(value))
                .setCurrency("EUR")
                .build();
    }

    private static FraudAlert fraud(String user) {
        return FraudAlert.newBuilder()
                .setAlertId("fraud-" + user)
                .setUserId(user)
                .setDetectedAt(MINUTE)
                .setPattern("country-hop")
                .setUsualCountry("DE")
                .setCountry("BR")
                .setTotalAmount(new BigDecimal("999.0000"))
                .setCurrency("EUR")
                .setEvidence(List.of())
                .build();
    }

    private static UserSession session(String id, long durationMs, boolean converted) {
        return UserSession.newBuilder()
                .setSessionId(id)
                .setUserId("user-" + id)
                .setSessionStart(MINUTE)
                .setSessionEnd(MINUTE.plusMillis(durationMs))
                .setDurationMs(durationMs)
                .setEventCount(4)
                .setPageCount(2)
                .setPages(List.of("/", "/cart"))
                .setConverted(converted)
                .build();
    }
}
