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
package org.retailstream.flink.jobs.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.model.CartAction;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.job.JobSpec;
import org.retailstream.flink.support.Events;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.KafkaBrokerExtension;

class CartAbandonmentJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    /** The job (keyed timers) and the CEP variant it replaced must give the same alerts. */
    static List<JobSpec> variants() {
        return List.of(CartAbandonmentSpec.SPEC, CepCartAbandonmentJob.SPEC);
    }

    @BeforeAll
    static void topicsAndInput() throws Exception {
        OrderedTopics.create(
                KAFKA, RetailTopic.CART_ABANDONMENT_ALERTS, RetailTopic.CART_UPDATES, RetailTopic.CHECKOUT_EVENTS);
        for (JobSpec variant : variants()) {
            KAFKA.createTopic(alertsTopic(variant), 1);
        }
        // In event-time order (one partition per topic): u1 fills a cart and leaves (abandoned, both products);
        // u2 checks out in time; u3 checks out after the timeout (abandoned before the checkout came);
        // u4 empties the cart again (not abandoned); u5 adds every 4 minutes, then leaves; u6 leaves, comes
        // back after its alert and leaves again (two alerts, two ids).
        List<CartUpdate> updates = List.of(
                update("u1", "10:00:00", CartAction.ADD, "lamp", 1, "30.00"),
                update("u5", "10:00:00", CartAction.ADD, "pen", 1, "1.00"),
                update("u2", "10:00:30", CartAction.ADD, "chair", 2, "45.00"),
                update("u3", "10:01:00", CartAction.ADD, "desk", 1, "120.00"),
                update("u4", "10:02:00", CartAction.ADD, "rug", 1, "60.00"),
                update("u1", "10:03:00", CartAction.ADD, "bulb", 4, "2.50"),
                update("u4", "10:04:00", CartAction.REMOVE, "rug", 1, "60.00"),
                update("u5", "10:04:00", CartAction.ADD, "ink", 1, "3.00"),
                update("u6", "10:05:30", CartAction.ADD, "mug", 1, "8.00"),
                update("u5", "10:08:00", CartAction.ADD, "pad", 1, "2.00"),
                update("u6", "10:20:00", CartAction.ADD, "tea", 1, "4.00"));
        List<CheckoutEvent> checkouts = List.of(checkout("u2", "10:02:00"), checkout("u3", "10:09:00"));
        Events.produce(KAFKA, RetailTopic.CART_UPDATES, CartUpdate.class, CartUpdate::getUserId, updates);
        Events.produce(KAFKA, RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class, CheckoutEvent::getUserId, checkouts);
    }

    private static String alertsTopic(JobSpec variant) {
        return "alerts_of_" + variant.name();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void cartsWithoutAChangeOrCheckoutWithinTheTimeoutAreAlertedOnceWithTheirContents(JobSpec variant)
            throws Exception {
        // With watermark alignment on, as for a backlog: the two inputs are paused and resumed to keep
        // within a minute of event time of each other, and the outcome must not change.
        JobRun.bounded(
                variant,
                KAFKA,
                "--watermark-alignment",
                "1min",
                "--group-id",
                variant.name(),
                "--topics",
                "cart_abandonment_alerts=" + alertsTopic(variant));

        EventCodec<CartAbandonmentAlert> codec =
                EventCodec.forTopic(RetailTopic.CART_ABANDONMENT_ALERTS, CartAbandonmentAlert.class);
        List<CartAbandonmentAlert> all = KAFKA.consumeAll(alertsTopic(variant), Duration.ofSeconds(30)).stream()
                .map(record -> codec.decode(record.value()))
                .toList();
        assertEquals(5, all.size(), "one alert per abandoned cart, and u6's second: " + all);
        assertEquals(
                5,
                all.stream().map(CartAbandonmentAlert::getAlertId).distinct().count(),
                "every alert its own id, so de-duplicating by it keeps them all: " + all);
        List<CartAbandonmentAlert> u6 =
                all.stream().filter(alert -> alert.getUserId().equals("u6")).toList();
        assertEquals(
                List.of(time("10:05:30"), time("10:20:00")),
                u6.stream()
                        .map(CartAbandonmentAlert::getLastActivityAt)
                        .sorted()
                        .toList());
        Map<String, CartAbandonmentAlert> alerts = all.stream()
                .filter(alert -> !alert.getUserId().equals("u6"))
                .collect(Collectors.toMap(CartAbandonmentAlert::getUserId, alert -> alert));
        assertEquals(java.util.Set.of("u1", "u3", "u5"), alerts.keySet());
        CartAbandonmentAlert u1 = alerts.get("u1");
        assertEquals(new BigDecimal("40.0000"), u1.getCartValue());
        assertEquals(
                List.of("lamp", "bulb"),
                u1.getItems().stream().map(item -> item.getSku()).toList());
        assertEquals(4, u1.getItems().get(1).getQuantity());
        assertEquals(time("10:00:00"), u1.getFirstAddedAt());
        assertEquals(time("10:03:00"), u1.getLastActivityAt());
        assertEquals(5, u1.getTimeoutMinutes());
        assertEquals("cart-u1", u1.getCartId());
        assertEquals(3, alerts.get("u5").getItems().size());
        assertEquals(time("10:08:00"), alerts.get("u5").getLastActivityAt());
    }

    private static CartUpdate update(
            String user, String time, CartAction action, String sku, int quantity, String price) {
        return CartUpdate.newBuilder()
                .setEventId(user + "-" + time + "-" + sku)
                .setEventTime(time(time))
                .setUserId(user)
                .setCartId("cart-" + user)
                .setAction(action)
                .setSku(sku)
                .setCategory("home")
                .setQuantity(quantity)
                .setUnitPrice(new BigDecimal(price).setScale(4))
                .setCurrency("EUR")
                .build();
    }

    private static CheckoutEvent checkout(String user, String time) {
        return CheckoutEvent.newBuilder()
                .setEventId("c-" + user)
                .setEventTime(time(time))
                .setOrderId("o-" + user)
                .setUserId(user)
                .setCartId("cart-" + user)
                .setPaymentStatus(PaymentStatus.CAPTURED)
                .setPaymentAttempt(1)
                .setTotalAmount(new BigDecimal("1.0000"))
                .setCurrency("EUR")
                .setCountry("DE")
                .setLines(List.of())
                .build();
    }

    private static Instant time(String time) {
        return Instant.parse("2026-11-20T" + time + "Z");
    }
}
