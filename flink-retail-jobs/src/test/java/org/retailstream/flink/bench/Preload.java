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
package org.retailstream.flink.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CartAction;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;
import org.retailstream.events.topics.EnrichmentHeaders;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.demo.CheckoutGenerator;
import org.retailstream.testkit.TestKafkaBroker;

/** Fills the benchmark's input topics with generated JSON events (5 ms of event time apart). */
final class Preload {

    static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    static final long STEP_MILLIS = 5;

    private final TestKafkaBroker kafka;

    Preload(TestKafkaBroker kafka) {
        this.kafka = kafka;
    }

    void checkouts(long count) throws InterruptedException {
        CheckoutGenerator generator = new CheckoutGenerator(7);
        events(
                RetailTopic.CHECKOUT_EVENTS,
                CheckoutEvent.class,
                count,
                n -> generator.next(time(n)),
                CheckoutEvent::getUserId);
    }

    void clicks(long count) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(11);
        ClickEventType[] types = {
            ClickEventType.PAGE_VIEW,
            ClickEventType.PRODUCT_VIEW,
            ClickEventType.SEARCH,
            ClickEventType.ADD_TO_CART,
            ClickEventType.CHECKOUT
        };
        events(
                RetailTopic.USER_CLICKSTREAM,
                ClickEvent.class,
                count,
                n -> {
                    ClickEventType type = types[random.nextInt(types.length)];
                    return ClickEvent.newBuilder()
                            .setEventId("c-" + n)
                            .setEventTime(time(n))
                            .setUserId("u-" + random.nextInt(20_000))
                            .setEventType(type)
                            .setPageUrl("/p/" + random.nextInt(1000))
                            // product views name their product: dynamic-pricing's demand signal
                            .setSku(type == ClickEventType.PRODUCT_VIEW ? "sku-" + random.nextInt(50) : null)
                            .setCategory(type == ClickEventType.PRODUCT_VIEW ? "home" : null)
                            .build();
                },
                ClickEvent::getUserId);
    }

    void cartUpdates(long count) throws InterruptedException {
        cartUpdates(count, RetailTopic.CART_UPDATES.topicName(), 0);
    }

    /**
     * Cart updates of 20,000 users over 50 SKUs. With {@code clearEvery} 0 nobody empties a cart, so
     * carts grow to about 40 lines; otherwise about one update in {@code clearEvery} clears the cart
     * (a shopper who is done), which keeps carts at a realistic few lines.
     */
    void cartUpdates(long count, String topic, int clearEvery) {
        SplittableRandom random = new SplittableRandom(13);
        events(
                RetailTopic.CART_UPDATES,
                topic,
                CartUpdate.class,
                count,
                n -> CartUpdate.newBuilder()
                        .setEventId("a-" + n)
                        .setEventTime(time(n))
                        .setUserId("u-" + random.nextInt(20_000))
                        .setCartId("cart-" + random.nextInt(20_000))
                        .setAction(cartAction(random, clearEvery))
                        .setSku("sku-" + random.nextInt(50))
                        .setCategory("home")
                        .setQuantity(1)
                        .setUnitPrice(new java.math.BigDecimal("9.9900"))
                        .setCurrency("EUR")
                        .build(),
                CartUpdate::getUserId);
    }

    private static CartAction cartAction(SplittableRandom random, int clearEvery) {
        if (clearEvery > 0 && random.nextInt(clearEvery) == 0) {
            return CartAction.CLEAR;
        }
        return random.nextInt(5) == 0 ? CartAction.REMOVE : CartAction.ADD;
    }

    /** Raw lines with the Flume sink's headers, as the POS agent ships them. */
    void posLines(long count) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(17);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long n = 0; n < count; n++) {
                String store = String.valueOf(random.nextInt(200));
                String terminal = String.valueOf(random.nextInt(8));
                String level = random.nextInt(20) == 0 ? "ERROR" : "INFO";
                RecordHeaders headers = new RecordHeaders();
                headers.add(EnrichmentHeaders.POS_STORE_ID, utf8(store));
                headers.add(EnrichmentHeaders.POS_TERMINAL_ID, utf8(terminal));
                headers.add(EnrichmentHeaders.POS_LEVEL, utf8(level));
                String line =
                        time(n) + " store=" + store + " terminal=" + terminal + " level=" + level + " receipt printed";
                producer.send(
                        new ProducerRecord<>(RetailTopic.POS_LOGS.topicName(), null, utf8(store), utf8(line), headers));
            }
        }
    }

    private <T extends SpecificRecord> void events(
            RetailTopic topic,
            Class<T> type,
            long count,
            LongFunction<T> next,
            java.util.function.Function<T, String> key) {
        events(topic, topic.topicName(), type, count, next, key);
    }

    private <T extends SpecificRecord> void events(
            RetailTopic topic,
            String topicName,
            Class<T> type,
            long count,
            LongFunction<T> next,
            java.util.function.Function<T, String> key) {
        EventCodec<T> codec = EventCodec.forTopic(topic, type);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long n = 0; n < count; n++) {
                T event = next.apply(n);
                producer.send(new ProducerRecord<>(topicName, utf8(key.apply(event)), codec.encode(event)));
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties config = kafka.clientProperties();
        config.put("acks", "all");
        config.put("linger.ms", "20");
        config.put("batch.size", String.valueOf(512 * 1024));
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static Instant time(long n) {
        return START.plusMillis(n * STEP_MILLIS);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
