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
package org.retailstream.stack.shop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CartAction;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;
import org.retailstream.events.model.InventoryUpdate;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.model.PriceRuleScope;
import org.retailstream.events.model.PriceRuleUpdate;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.stack.shop.Catalog.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated web shop at a given rate of events per second. Shoppers browse, fill carts, check
 * out or walk away; the web servers' click log (the contract's ClickEvent JSON, one per line) is
 * written where the Flume web agent tails it, and the shop's services send cart, checkout and
 * inventory events straight to Kafka. Event times trail the wall clock by up to
 * {@link #MAX_DISORDER_MS} at random, so events arrive out of order within the jobs' bound. A few
 * returning customers pay a high amount from an unusual country and retry (the fraud job's
 * pattern), and a share of records is deliberately malformed so the dead-letter paths carry traffic.
 */
public final class ShopSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShopSimulator.class);
    /** Path name of the click log in the tally. */
    public static final String CLICK_LOG = "web-click-log";

    static final long MAX_DISORDER_MS = 1_500;
    private static final int ACTIVE_SHOPPERS = 150;
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "IT", "ES"};

    private final EventCodec<ClickEvent> clicks = EventCodec.forTopic(RetailTopic.USER_CLICKSTREAM, ClickEvent.class);
    private final EventCodec<CartUpdate> carts = EventCodec.forTopic(RetailTopic.CART_UPDATES, CartUpdate.class);
    private final EventCodec<CheckoutEvent> checkouts =
            EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
    private final EventCodec<InventoryUpdate> inventory =
            EventCodec.forTopic(RetailTopic.INVENTORY_UPDATES, InventoryUpdate.class);
    private final EventCodec<PriceRuleUpdate> priceRules =
            EventCodec.forTopic(RetailTopic.PRICE_RULES_UPDATE, PriceRuleUpdate.class);

    private final SplittableRandom random;
    private final Catalog catalog;
    private final double rate;
    private final double malformedShare;
    private final ShopProducer producer;
    private final Tally tally;
    private final BufferedWriter clickLog;
    private final String runId;
    private final List<Shopper> shoppers = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long sequence;
    private long emitted;

    public ShopSimulator(ShopSettings settings, String bootstrapServers, Path clickLogFile, Tally tally)
            throws IOException {
        this.random = new SplittableRandom(settings.seed());
        this.catalog = new Catalog(settings.seed(), Catalog.PRODUCTS);
        this.rate = settings.rate();
        this.malformedShare = settings.malformedShare();
        this.tally = tally;
        this.producer = new ShopProducer(bootstrapServers, tally);
        Files.createDirectories(clickLogFile.getParent());
        this.clickLog = Files.newBufferedWriter(
                clickLogFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        // Ids stay unique across runs on the same data folder.
        this.runId = Long.toString(System.currentTimeMillis(), 36);
        this.thread = new Thread(this::run, "shop");
    }

    public ShopSimulator start() {
        publishPriceRules();
        thread.start();
        return this;
    }

    /**
     * The pricing admins' rules, as their tool would publish them (compacted by rule id, so a second
     * run replaces them): undercut the cheapest competitor, never below 80% of the list price,
     * move at most 10% an hour, and electronics 5% dearer while it rains at a store.
     */
    private void publishPriceRules() {
        Instant now = Instant.now();
        List<PriceRuleUpdate> rules = List.of(
                PriceRuleUpdate.newBuilder()
                        .setRuleId("undercut-2")
                        .setUpdatedAt(now)
                        .setScope(PriceRuleScope.GLOBAL)
                        .setUndercutCompetitorPercent(2.0)
                        .setMaxChangePercentPerHour(10.0)
                        .build(),
                PriceRuleUpdate.newBuilder()
                        .setRuleId("electronics-rain")
                        .setUpdatedAt(now)
                        .setScope(PriceRuleScope.CATEGORY)
                        .setScopeValue("electronics")
                        .setWeatherCondition("61")
                        .setWeatherUpliftPercent(5.0)
                        .build());
        for (PriceRuleUpdate rule : rules) {
            producer.send(RetailTopic.PRICE_RULES_UPDATE.topicName(), rule.getRuleId(), priceRules.encode(rule), false);
        }
    }

    private void run() {
        long startNanos = System.nanoTime();
        try {
            while (running) {
                double due = rate * (System.nanoTime() - startNanos) / 1e9;
                while (emitted < due && running) {
                    step();
                }
                clickLog.flush();
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            LOG.error("The shop simulator stopped", e);
        }
    }

    private void step() throws IOException {
        while (shoppers.size() < ACTIVE_SHOPPERS) {
            shoppers.add(newShopper());
        }
        int index = random.nextInt(shoppers.size());
        Shopper shopper = shoppers.get(index);
        if (!act(shopper)) {
            shoppers.set(index, shoppers.get(shoppers.size() - 1));
            shoppers.remove(shoppers.size() - 1);
        }
    }

    private Shopper newShopper() throws IOException {
        long n = ++sequence;
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        Shopper shopper = new Shopper("u-" + runId + "-" + n, "s-" + runId + "-" + n, country, Shopper.goal(random));
        if (shopper.goal == Shopper.Goal.FRAUD) {
            // A returning customer: earlier small payments from home make that country the usual one.
            for (int i = 0; i < 3; i++) {
                checkout(
                        shopper,
                        List.of(new Shopper.Line(catalog.pick(random), 1)),
                        country,
                        PaymentStatus.CAPTURED,
                        1);
            }
        }
        return shopper;
    }

    /** One action of a shopper; false when the shopper leaves the shop. */
    private boolean act(Shopper shopper) throws IOException {
        shopper.steps++;
        if (shopper.steps <= shopper.browseSteps) {
            Product product = catalog.pick(random);
            ClickEventType type = random.nextInt(3) == 0 ? ClickEventType.SEARCH : ClickEventType.PRODUCT_VIEW;
            click(
                    shopper,
                    type,
                    type == ClickEventType.SEARCH ? "/search?q=" + product.category() : "/p/" + product.sku(),
                    product);
            return true;
        }
        if (shopper.cart.size() < shopper.cartSize) {
            Product product = catalog.pick(random);
            int quantity = 1 + random.nextInt(2);
            shopper.cart.add(new Shopper.Line(product, quantity));
            click(shopper, ClickEventType.ADD_TO_CART, "/cart/add?sku=" + product.sku(), product);
            cartUpdate(shopper, CartAction.ADD, product, quantity);
            return true;
        }
        switch (shopper.goal) {
            case CHECKOUT -> {
                click(shopper, ClickEventType.CHECKOUT, "/checkout", null);
                checkout(shopper, shopper.cart, shopper.country, PaymentStatus.CAPTURED, 1);
                cartUpdate(shopper, CartAction.CLEAR, null, 0);
            }
            case FRAUD -> {
                List<Shopper.Line> expensive = new ArrayList<>(shopper.cart);
                expensive.add(new Shopper.Line(catalog.all().get(catalog.all().size() - 1), 40));
                click(shopper, ClickEventType.CHECKOUT, "/checkout", null);
                checkout(shopper, expensive, "BR", PaymentStatus.DECLINED, 1);
                checkout(shopper, expensive, "BR", PaymentStatus.RETRY, 2);
            }
            case ABANDON, BROWSE -> {
                // walks away: the cart stays as it is, and the abandonment job should notice
            }
        }
        return false;
    }

    private Instant eventTime() {
        return Instant.ofEpochMilli(System.currentTimeMillis() - random.nextLong(MAX_DISORDER_MS));
    }

    private boolean malformed() {
        return random.nextDouble() < malformedShare;
    }

    private void click(Shopper shopper, ClickEventType type, String page, Product product) throws IOException {
        emitted++;
        String line;
        if (malformed()) {
            tally.add(CLICK_LOG, "malformed");
            line = "{\"event_id\":\"broken-" + runId + "-" + emitted + "\",\"user_id\":\"" + shopper.userId
                    + "\",\"event_time\":\"yesterday\"}";
        } else {
            ClickEvent event = ClickEvent.newBuilder()
                    .setEventId("c-" + runId + "-" + emitted)
                    .setEventTime(eventTime())
                    .setUserId(shopper.userId)
                    .setSessionId(shopper.sessionId)
                    .setEventType(type)
                    .setPageUrl(page)
                    .setSku(product == null ? null : product.sku())
                    .setCategory(product == null ? null : product.category())
                    .setReferrer(null)
                    .setUserAgent("retail-stack-simulator")
                    .build();
            line = new String(clicks.encode(event), StandardCharsets.UTF_8);
        }
        clickLog.write(line);
        clickLog.write('\n');
        tally.add(CLICK_LOG, "lines");
    }

    private void cartUpdate(Shopper shopper, CartAction action, Product product, int quantity) {
        emitted++;
        if (malformed()) {
            producer.send(RetailTopic.CART_UPDATES.topicName(), shopper.userId, broken(), true);
            return;
        }
        CartUpdate update = CartUpdate.newBuilder()
                .setEventId("cu-" + runId + "-" + emitted)
                .setEventTime(eventTime())
                .setUserId(shopper.userId)
                .setCartId("cart-" + shopper.sessionId)
                .setAction(action)
                .setSku(product == null ? null : product.sku())
                .setCategory(product == null ? null : product.category())
                .setQuantity(quantity)
                .setUnitPrice(product == null ? null : product.price())
                .setCurrency("EUR")
                .build();
        producer.send(RetailTopic.CART_UPDATES.topicName(), shopper.userId, carts.encode(update), false);
    }

    private void checkout(
            Shopper shopper, List<Shopper.Line> lines, String country, PaymentStatus status, int attempt) {
        emitted++;
        if (malformed()) {
            producer.send(RetailTopic.CHECKOUT_EVENTS.topicName(), shopper.userId, broken(), true);
            return;
        }
        List<OrderLine> orderLines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(4);
        for (Shopper.Line line : lines) {
            orderLines.add(OrderLine.newBuilder()
                    .setSku(line.product().sku())
                    .setCategory(line.product().category())
                    .setQuantity(line.quantity())
                    .setUnitPrice(line.product().price())
                    .build());
            total = total.add(line.product().price().multiply(BigDecimal.valueOf(line.quantity())));
        }
        String order = "o-" + runId + "-" + emitted;
        CheckoutEvent event = CheckoutEvent.newBuilder()
                .setEventId("co-" + runId + "-" + emitted)
                .setEventTime(eventTime())
                .setOrderId(order)
                .setUserId(shopper.userId)
                .setCartId("cart-" + shopper.sessionId)
                .setPaymentStatus(status)
                .setPaymentAttempt(attempt)
                .setTotalAmount(total)
                .setCurrency("EUR")
                .setCountry(country)
                .setLines(orderLines)
                .build();
        producer.send(RetailTopic.CHECKOUT_EVENTS.topicName(), shopper.userId, checkouts.encode(event), false);
        if (status == PaymentStatus.CAPTURED) {
            for (Shopper.Line line : lines) {
                stockChange(line);
            }
        }
    }

    private void stockChange(Shopper.Line line) {
        emitted++;
        InventoryUpdate update = InventoryUpdate.newBuilder()
                .setEventId("iu-" + runId + "-" + emitted)
                .setEventTime(eventTime())
                .setSku(line.product().sku())
                .setStoreId("web")
                .setQuantityOnHand(Math.max(0, 500 - random.nextInt(500)))
                .setQuantityChange(-line.quantity())
                .setReason("sale")
                .build();
        producer.send(RetailTopic.INVENTORY_UPDATES.topicName(), line.product().sku(), inventory.encode(update), false);
    }

    private byte[] broken() {
        return ("{\"event_id\":\"broken-" + runId + "-" + emitted + "\",\"event_time\":")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Stops producing; everything sent is flushed to Kafka and the click log before this returns. */
    @Override
    public synchronized void close() throws IOException {
        if (!thread.isAlive() && !running) {
            return; // closed already: the drain closes the shop, the final stop closes it again
        }
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clickLog.close();
        producer.close();
    }
}
