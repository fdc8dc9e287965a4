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
package org.retailstream.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.codec.WireFormat;
import org.retailstream.events.model.Availability;
import org.retailstream.events.model.CartAction;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.model.InventoryUpdate;
import org.retailstream.events.model.PricedCartUpdate;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.events.topics.TopicNames;
import org.retailstream.spark.support.LocalSpark;
import org.retailstream.spark.support.SparkSessionExtension;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * cart-pricing-join on Spark in-process against a real broker: each cart change of a SKU gets the SKU's
 * cheapest latest competitor price in the cart's currency and its stock over all locations as of the
 * change's event time; a SKU nobody priced or counted gets nulls; a CLEAR is not joined; a malformed cart
 * is a dead letter; after a restart the prices and counts come back from the checkpoint.
 */
class CartPricingJoinJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    @RegisterExtension
    static final SparkSessionExtension SPARK = new SparkSessionExtension("spark-retail-jobs-cart-pricing-test");

    private static final EventCodec<CartUpdate> CARTS = EventCodec.forTopic(RetailTopic.CART_UPDATES, CartUpdate.class);
    private static final EventCodec<CompetitorPrice> PRICES =
            EventCodec.forTopic(RetailTopic.COMPETITOR_PRICES, CompetitorPrice.class);
    private static final EventCodec<InventoryUpdate> STOCK =
            EventCodec.forTopic(RetailTopic.INVENTORY_UPDATES, InventoryUpdate.class);
    private static final EventCodec<PricedCartUpdate> PRICED =
            EventCodec.forTopic(RetailTopic.PRICED_CART_UPDATES, PricedCartUpdate.class);
    private static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path checkpoints;

    @Test
    void everyCartChangeGetsTheCheapestPriceAndTheStockKnownAtItsTimeAndARestartKeepsThem() throws Exception {
        SparkJobSettings settings = LocalSpark.settings(KAFKA.bootstrapServers(), checkpoints, TopicNames.catalogue());
        KAFKA.produce(List.of(
                price("comp-a", "SKU-1", "9.0000", "EUR", "09:00"),
                price("comp-a", "SKU-1", "10.0000", "EUR", "10:00"), // replaces comp-a's 9.00 from 10:00 on
                price("comp-b", "SKU-1", "9.5000", "EUR", "10:00"),
                price("comp-c", "SKU-1", "8.0000", "USD", "10:00"), // another currency: not comparable
                count("store-1", "SKU-1", 5, "10:00"),
                count("store-2", "SKU-1", 7, "10:01"),
                count("store-1", "SKU-1", 3, "10:02"),
                cart("c-before", "u-4", CartAction.ADD, "SKU-1", "10.9900", "09:30", WireFormat.JSON),
                cart("c-priced", "u-1", CartAction.ADD, "SKU-1", "10.9900", "10:05", WireFormat.JSON),
                cart("c-unknown", "u-2", CartAction.REMOVE, "SKU-2", "4.0000", "10:05", WireFormat.AVRO_SINGLE_OBJECT),
                cart("c-clear", "u-3", CartAction.CLEAR, null, null, "10:06", WireFormat.JSON),
                new ProducerRecord<>(
                        RetailTopic.CART_UPDATES.topicName(), utf8("u-5"), utf8("{\"action\": \"ADD\"}"))));

        List<StreamingQuery> queries = CartPricingJoinJob.start(SPARK.spark(), settings);
        Map<String, PricedCartUpdate> written;
        try {
            written = awaitPriced(3);
        } finally {
            SparkSessionExtension.stop(queries);
        }

        PricedCartUpdate before = written.get("c-before");
        assertEquals("comp-a", before.getCheapestCompetitor(), "as of 09:30 only comp-a's 09:00 price was known");
        assertEquals(new BigDecimal("9.0000"), before.getCheapestCompetitorPrice());
        assertEquals(new BigDecimal("1.9900"), before.getPriceGap());
        assertEquals(1, before.getCompetitorsKnown());
        assertNull(before.getStockOnHand(), "no count before 10:00");
        assertEquals(0, before.getStockLocations());

        PricedCartUpdate priced = written.get("c-priced");
        assertEquals("u-1", priced.getUserId());
        assertEquals("comp-b", priced.getCheapestCompetitor());
        assertEquals(new BigDecimal("9.5000"), priced.getCheapestCompetitorPrice());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), priced.getCompetitorPriceObservedAt());
        assertEquals(2, priced.getCompetitorsKnown(), "comp-a and comp-b in EUR; comp-c's USD price left out");
        assertEquals(new BigDecimal("1.4900"), priced.getPriceGap());
        assertEquals(3 + 7, priced.getStockOnHand(), "store-1's latest count (3) and store-2's (7)");
        assertEquals(2, priced.getStockLocations());
        assertEquals(Instant.parse("2026-11-20T10:02:00Z"), priced.getStockCountedAt());
        assertEquals(2, priced.getQuantity());
        assertEquals(new BigDecimal("10.9900"), priced.getUnitPrice());

        PricedCartUpdate unknown = written.get("c-unknown");
        assertEquals(CartAction.REMOVE, unknown.getAction());
        assertNull(unknown.getCheapestCompetitor());
        assertNull(unknown.getPriceGap());
        assertNull(unknown.getStockOnHand());

        // After a restart: the book comes back from the checkpoint; comp-b's new price and store-2's sale apply.
        KAFKA.produce(List.of(
                price("comp-b", "SKU-1", "9.8000", "EUR", "10:10"),
                count("store-2", "SKU-1", 0, "10:10"),
                cart("c-after", "u-1", CartAction.ADD, "SKU-1", "10.9900", "10:12", WireFormat.AVRO_SINGLE_OBJECT)));
        List<StreamingQuery> restarted = CartPricingJoinJob.start(SPARK.spark(), settings);
        try {
            written = awaitPriced(4);
        } finally {
            SparkSessionExtension.stop(restarted);
        }
        PricedCartUpdate after = written.get("c-after");
        assertEquals("comp-b", after.getCheapestCompetitor(), "comp-b's 9.80 is still below comp-a's 10.00");
        assertEquals(new BigDecimal("9.8000"), after.getCheapestCompetitorPrice());
        assertEquals(3, after.getStockOnHand(), "store-1's 3 from before the restart, store-2 sold out");
        assertEquals(2, after.getStockLocations());
        assertEquals(
                4,
                KAFKA.consumeAll(RetailTopic.PRICED_CART_UPDATES.topicName(), Duration.ofSeconds(5))
                        .size(),
                "one record per cart change with a SKU, none written twice by the restart");

        List<ConsumerRecord<byte[], byte[]>> letters = KAFKA.consumeAll(
                DeadLetters.topicNameFor(RetailTopic.CART_UPDATES.topicName()), Duration.ofSeconds(10));
        assertEquals(1, letters.size());
        assertEquals("spark:cart-pricing-join", header(letters.get(0), DeadLetters.HEADER_STAGE));
    }

    private static Map<String, PricedCartUpdate> awaitPriced(int expected) throws InterruptedException {
        Map<String, PricedCartUpdate> written = new TreeMap<>();
        Conditions.await(expected + " records in priced_cart_updates", OUTPUT_TIMEOUT, () -> {
            written.clear();
            for (ConsumerRecord<byte[], byte[]> record :
                    KAFKA.consumeAll(RetailTopic.PRICED_CART_UPDATES.topicName(), Duration.ofSeconds(3))) {
                PricedCartUpdate update = PRICED.decode(record.value());
                assertEquals(update.getUserId(), new String(record.key(), StandardCharsets.UTF_8));
                written.put(update.getEventId(), update);
            }
            return written.size() >= expected;
        });
        assertEquals(expected, written.size(), "written: " + written.keySet());
        return written;
    }

    private static ProducerRecord<byte[], byte[]> price(
            String competitor, String sku, String price, String currency, String time) {
        CompetitorPrice quote = CompetitorPrice.newBuilder()
                .setCompetitor(competitor)
                .setSku(sku)
                .setPrice(new BigDecimal(price))
                .setCurrency(currency)
                .setAvailability(Availability.IN_STOCK)
                .setProductUrl(null)
                .setObservedAt(at(time))
                .setSourceUrl(null)
                .build();
        return new ProducerRecord<>(RetailTopic.COMPETITOR_PRICES.topicName(), utf8(sku), PRICES.encode(quote));
    }

    private static ProducerRecord<byte[], byte[]> count(String store, String sku, int onHand, String time) {
        InventoryUpdate count = InventoryUpdate.newBuilder()
                .setEventId(store + "-" + sku + "-" + time)
                .setEventTime(at(time))
                .setSku(sku)
                .setStoreId(store)
                .setQuantityOnHand(onHand)
                .setQuantityChange(0)
                .setReason("count")
                .build();
        return new ProducerRecord<>(
                RetailTopic.INVENTORY_UPDATES.topicName(),
                utf8(sku),
                STOCK.encode(count, WireFormat.AVRO_SINGLE_OBJECT));
    }

    private static ProducerRecord<byte[], byte[]> cart(
            String id, String user, CartAction action, String sku, String unitPrice, String time, WireFormat format) {
        CartUpdate update = CartUpdate.newBuilder()
                .setEventId(id)
                .setEventTime(at(time))
                .setUserId(user)
                .setCartId("cart-" + user)
                .setAction(action)
                .setSku(sku)
                .setCategory(sku == null ? null : "toys")
                .setQuantity(sku == null ? 0 : 2)
                .setUnitPrice(unitPrice == null ? null : new BigDecimal(unitPrice))
                .setCurrency("EUR")
                .build();
        return new ProducerRecord<>(RetailTopic.CART_UPDATES.topicName(), utf8(user), CARTS.encode(update, format));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-20T" + time + ":00Z");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
