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
package org.retailstream.flink.jobs.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.model.Availability;
import org.retailstream.events.model.CartAction;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.model.InventoryUpdate;
import org.retailstream.events.model.PriceRecommendation;
import org.retailstream.events.model.PriceRuleScope;
import org.retailstream.events.model.PriceRuleUpdate;
import org.retailstream.events.model.WeatherObservation;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.Events;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * Every input of dynamic-pricing at once; rules and weather arrive on the broadcast side in no fixed
 * order relative to the SKU signals, and the job re-prices on both sides, so each SKU's last
 * recommendation is the one computed here from all inputs.
 */
class DynamicPricingJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @BeforeAll
    static void topics() throws Exception {
        createTopics(KAFKA);
    }

    /** The job's output and its six inputs, one partition each (the tests' order is the job's). */
    static void createTopics(KafkaBrokerExtension kafka) throws Exception {
        OrderedTopics.create(
                kafka,
                RetailTopic.PRICE_RECOMMENDATIONS,
                RetailTopic.COMPETITOR_PRICES,
                RetailTopic.INVENTORY_UPDATES,
                RetailTopic.USER_CLICKSTREAM,
                RetailTopic.CART_UPDATES,
                RetailTopic.PRICE_RULES_UPDATE,
                RetailTopic.WEATHER_OBSERVATIONS);
    }

    @Test
    void eachSkuEndsAtThePriceItsCompetitorsStockWeatherAndRulesGive() throws Exception {
        Events.produce(
                KAFKA,
                RetailTopic.PRICE_RULES_UPDATE,
                PriceRuleUpdate.class,
                PriceRuleUpdate::getRuleId,
                List.of(
                        rule("undercut", PriceRuleScope.GLOBAL, null)
                                .setUndercutCompetitorPercent(2.0)
                                .build(),
                        rule("s1-floor", PriceRuleScope.SKU, "s1")
                                .setFloorPrice(new BigDecimal("9.5000"))
                                .build(),
                        rule("rain", PriceRuleScope.GLOBAL, null)
                                .setWeatherCondition("61")
                                .setWeatherUpliftPercent(10.0)
                                .build(),
                        rule("garden-ceiling", PriceRuleScope.CATEGORY, "garden")
                                .setCeilingPrice(new BigDecimal("20.0000"))
                                .build()));
        Events.produce(
                KAFKA,
                RetailTopic.WEATHER_OBSERVATIONS,
                WeatherObservation.class,
                WeatherObservation::getLocationId,
                List.of(weather("berlin-01", "61"), weather("paris-07", "0")));
        Events.produce(
                KAFKA,
                RetailTopic.INVENTORY_UPDATES,
                InventoryUpdate.class,
                InventoryUpdate::getSku,
                List.of(stock("s1", "berlin-01", 5), stock("s2", "paris-07", 3), stock("s3", "berlin-01", 0)));
        Events.produce(
                KAFKA,
                RetailTopic.USER_CLICKSTREAM,
                ClickEvent.class,
                ClickEvent::getUserId,
                List.of(
                        view("s2", "garden", "10:01:00"),
                        view("s2", "garden", "10:02:00"),
                        view("s1", "toys", "10:03:00")));
        Events.produce(
                KAFKA,
                RetailTopic.CART_UPDATES,
                CartUpdate.class,
                CartUpdate::getUserId,
                List.of(add("s2", "garden", "10:04:00")));
        Events.produce(
                KAFKA,
                RetailTopic.COMPETITOR_PRICES,
                CompetitorPrice.class,
                CompetitorPrice::getSku,
                List.of(
                        price("shop-a", "s1", "10.00", Availability.IN_STOCK),
                        price("shop-b", "s1", "9.00", Availability.OUT_OF_STOCK),
                        price("shop-a", "s2", "30.00", Availability.LIMITED),
                        price("shop-a", "s3", "7.00", Availability.OUT_OF_STOCK),
                        price("shop-a", "s4", "5.00", Availability.IN_STOCK)));

        JobRun.bounded(DynamicPricingSpec.SPEC, KAFKA, "--demand-window", "10min", "--demand-slide", "5min");

        Map<String, PriceRecommendation> last = new HashMap<>();
        Events.output(KAFKA, RetailTopic.PRICE_RECOMMENDATIONS, PriceRecommendation.class)
                .forEach(recommendation -> last.put(recommendation.getSku(), recommendation));
        assertEquals(java.util.Set.of("s1", "s2", "s4"), last.keySet(), "s3 has no in-stock competitor price");
        // s1: 10.00 (shop-b is out of stock) - 2% = 9.80, raining at berlin-01 where it is stocked: +10% = 10.78.
        PriceRecommendation s1 = last.get("s1");
        assertEquals(new BigDecimal("10.7800"), s1.getRecommendedPrice());
        assertEquals("61", s1.getWeatherCondition());
        assertEquals(new BigDecimal("10.0000"), s1.getLowestCompetitorPrice());
        assertEquals(5, s1.getStockLevel());
        assertTrue(
                s1.getRuleIds().containsAll(List.of("undercut", "rain")),
                s1.getRuleIds().toString());
        // s2: 30.00 - 2% = 29.40, no rain in paris, capped by the garden ceiling at 20.00.
        PriceRecommendation s2 = last.get("s2");
        assertEquals(new BigDecimal("20.0000"), s2.getRecommendedPrice());
        assertTrue(s2.getRuleIds().contains("garden-ceiling"));
        assertTrue(s2.getReason().contains("capped at ceiling 20"), s2.getReason());
        // s4: 5.00 - 2% = 4.90; s1's floor does not apply to it.
        assertEquals(new BigDecimal("4.9000"), last.get("s4").getRecommendedPrice());
    }

    static PriceRuleUpdate.Builder rule(String id, PriceRuleScope scope, String value) {
        return PriceRuleUpdate.newBuilder()
                .setRuleId(id)
                .setUpdatedAt(time("09:00:00"))
                .setScope(scope)
                .setScopeValue(value)
                .setActive(true)
                .setCurrency("EUR");
    }

    static WeatherObservation weather(String store, String code) {
        return WeatherObservation.newBuilder()
                .setLocationId(store)
                .setLatitude(52.5)
                .setLongitude(13.4)
                .setObservedAt(time("09:30:00"))
                .setTemperatureCelsius(4.0)
                .setTemperatureFahrenheit(39.2)
                .setConditionCode(code)
                .setProvider("open-meteo")
                .build();
    }

    static InventoryUpdate stock(String sku, String store, int quantity) {
        return InventoryUpdate.newBuilder()
                .setEventId("i-" + sku)
                .setEventTime(time("09:45:00"))
                .setSku(sku)
                .setStoreId(store)
                .setQuantityOnHand(quantity)
                .setQuantityChange(quantity)
                .build();
    }

    static ClickEvent view(String sku, String category, String at) {
        return ClickEvent.newBuilder()
                .setEventId("v-" + sku + at)
                .setEventTime(time(at))
                .setUserId("u-1")
                .setEventType(ClickEventType.PRODUCT_VIEW)
                .setPageUrl("/p/" + sku)
                .setSku(sku)
                .setCategory(category)
                .build();
    }

    static CartUpdate add(String sku, String category, String at) {
        return CartUpdate.newBuilder()
                .setEventId("a-" + sku)
                .setEventTime(time(at))
                .setUserId("u-1")
                .setCartId("c-1")
                .setAction(CartAction.ADD)
                .setSku(sku)
                .setCategory(category)
                .setQuantity(1)
                .setCurrency("EUR")
                .build();
    }

    static CompetitorPrice price(String competitor, String sku, String price, Availability availability) {
        return CompetitorPrice.newBuilder()
                .setCompetitor(competitor)
                .setSku(sku)
                .setPrice(new BigDecimal(price).setScale(4))
                .setCurrency("EUR")
                .setAvailability(availability)
                .setObservedAt(time("10:05:00"))
                .build();
    }

    private static Instant time(String at) {
        return Instant.parse("2026-11-20T" + at + "Z");
    }
}
