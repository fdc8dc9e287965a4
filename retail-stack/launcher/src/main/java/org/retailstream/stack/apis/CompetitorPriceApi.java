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
package org.retailstream.stack.apis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.retailstream.stack.reconcile.Identities;
import org.retailstream.stack.shop.Catalog;

/**
 * Competitors' price APIs on loopback, shaped like the recorded ones the NiFi processor is tested
 * with: {@code GET /competitors/<name>/prices} answers a JSON array of items (sku, competitor, price,
 * currency, availability, product_url, observed_at), {@value #PAGE_SIZE} per page, the next page in a
 * {@code Link: <...>; rel="next"} header, and wants the key in {@code X-API-Key}. Each competitor
 * prices a share of the shop's catalogue around its list price; every {@link #DRIFT_PERIOD_SECONDS}
 * seconds about one price in five moves, so the poller has changes to report.
 */
public final class CompetitorPriceApi implements AutoCloseable {

    public static final List<String> COMPETITORS = List.of("megamart", "shopzilla", "valuehub");
    static final int PAGE_SIZE = 50;
    static final int PRICED_PRODUCTS = 120;
    static final long DRIFT_PERIOD_SECONDS = 20;
    static final int RETRY_AFTER_SECONDS = 10;

    private final HttpServer server;
    private final Catalog catalog;
    private final String apiKey;
    private final long seed;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile Instant outageUntil = Instant.MIN;

    private CompetitorPriceApi(HttpServer server, Catalog catalog, String apiKey, long seed) {
        this.server = server;
        this.catalog = catalog;
        this.apiKey = apiKey;
        this.seed = seed;
    }

    public static CompetitorPriceApi start(long seed, String apiKey) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CompetitorPriceApi api = new CompetitorPriceApi(server, new Catalog(seed, Catalog.PRODUCTS), apiKey, seed);
        server.createContext("/competitors/", api::answer);
        server.start();
        return api;
    }

    /** Every competitor's first page, as the processor's Endpoint URLs take them. */
    public String endpointUrls() {
        StringJoiner urls = new StringJoiner(",");
        COMPETITORS.forEach(competitor -> urls.add(base() + "/competitors/" + competitor + "/prices"));
        return urls.toString();
    }

    public long requests() {
        return requests.get();
    }

    /** Requests answered 503 during an outage. */
    public long refused() {
        return refused.get();
    }

    /**
     * From now until {@code length} has passed, every request is answered 503 Service Unavailable with
     * a Retry-After of {@value #RETRY_AFTER_SECONDS} s, as an API behind a failing gateway answers.
     */
    public void outage(Duration length) {
        outageUntil = Instant.now().plus(length);
    }

    /**
     * What each competitor answers now per SKU, keyed "competitor/sku", as "price|availability": what the
     * poller compares to decide that a price changed.
     */
    public Map<String, String> currentPrices() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> current = new TreeMap<>();
        for (String competitor : COMPETITORS) {
            for (int i = 0; i < PRICED_PRODUCTS; i++) {
                Catalog.Product product = catalog.all().get(i);
                Priced priced = priced(competitor, product, now);
                current.put(
                        competitor + "/" + product.sku(),
                        Identities.plain(priced.price()) + "|" + priced.availability());
            }
        }
        return current;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (Instant.now().isBefore(outageUntil)) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
                respond(exchange, 503, "{\"error\":\"service unavailable\"}");
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length != 4 || !COMPETITORS.contains(path[2]) || !path[3].equals("prices")) {
                respond(exchange, 404, "{\"error\":\"no such competitor\"}");
                return;
            }
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
                respond(exchange, 401, "{\"error\":\"missing or wrong X-API-Key\"}");
                return;
            }
            String competitor = path[2];
            int page = page(exchange.getRequestURI());
            int from = (page - 1) * PAGE_SIZE;
            int to = Math.min(PRICED_PRODUCTS, from + PAGE_SIZE);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            StringJoiner items = new StringJoiner(",", "[", "]");
            for (int i = from; i < to; i++) {
                items.add(item(competitor, catalog.all().get(i), now));
            }
            if (to < PRICED_PRODUCTS) {
                exchange.getResponseHeaders()
                        .add(
                                "Link",
                                "<" + base() + "/competitors/" + competitor + "/prices?page=" + (page + 1)
                                        + ">; rel=\"next\"");
            }
            respond(exchange, 200, items.toString());
        }
    }

    /** A competitor's price of a product at {@code now}, and since when it has been that. */
    private record Priced(BigDecimal price, String availability, Instant observedAt) {}

    private Priced priced(String competitor, Catalog.Product product, Instant now) {
        long period = now.getEpochSecond() / DRIFT_PERIOD_SECONDS;
        // The price of the last period in which it moved: about one in five periods.
        long moved = period;
        while (moved > 0 && random(competitor, product.sku(), moved).nextInt(5) != 0) {
            moved--;
            if (period - moved > 50) {
                break;
            }
        }
        SplittableRandom random = random(competitor, product.sku(), moved);
        BigDecimal factor = BigDecimal.valueOf(85 + random.nextInt(25), 2);
        BigDecimal price = product.price().multiply(factor).setScale(2, RoundingMode.HALF_EVEN);
        String availability = random.nextInt(10) == 0 ? "out_of_stock" : "in_stock";
        return new Priced(price, availability, Instant.ofEpochSecond(moved * DRIFT_PERIOD_SECONDS));
    }

    private String item(String competitor, Catalog.Product product, Instant now) {
        Priced priced = priced(competitor, product, now);
        return "{\"sku\":\"%s\",\"competitor\":\"%s\",\"price\":%s,\"currency\":\"EUR\",\"availability\":\"%s\",\"product_url\":\"https://%s.example/p/%s\",\"observed_at\":\"%s\"}"
                .formatted(
                        product.sku(),
                        competitor,
                        priced.price().toPlainString(),
                        priced.availability(),
                        competitor,
                        product.sku(),
                        priced.observedAt());
    }

    private SplittableRandom random(String competitor, String sku, long period) {
        return new SplittableRandom(seed ^ (competitor.hashCode() * 31L + sku.hashCode()) * 1_000_003L ^ period);
    }

    private static int page(URI uri) {
        String query = uri.getQuery();
        if (query != null && query.startsWith("page=")) {
            return Math.max(1, Integer.parseInt(query.substring("page=".length())));
        }
        return 1;
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
