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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.model.Availability;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.model.InventoryUpdate;
import org.retailstream.events.model.PriceRecommendation;
import org.retailstream.events.model.PriceRuleScope;
import org.retailstream.events.model.PriceRuleUpdate;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.Events;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * demand_score: views plus add-to-carts weighted by --add-to-cart-weight over the demand window. A
 * recommendation carries the demand known when its price changed, so the test changes the price
 * until a recommendation made after the demand window closed comes out.
 */
class DemandScoreTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @BeforeAll
    static void topics() throws Exception {
        DynamicPricingJobTest.createTopics(KAFKA);
    }

    @Test
    void viewsAndWeightedAddToCartsMakeTheDemandScore() throws Exception {
        Events.produce(
                KAFKA,
                RetailTopic.PRICE_RULES_UPDATE,
                PriceRuleUpdate.class,
                PriceRuleUpdate::getRuleId,
                List.of(DynamicPricingJobTest.rule("undercut", PriceRuleScope.GLOBAL, null)
                        .setUndercutCompetitorPercent(2.0)
                        .build()));
        Events.produce(
                KAFKA,
                RetailTopic.INVENTORY_UPDATES,
                InventoryUpdate.class,
                InventoryUpdate::getSku,
                List.of(DynamicPricingJobTest.stock("s2", "paris-07", 3)));
        // Two views and one add-to-cart of s2 between 10:01 and 10:04; a later view moves the
        // clickstream's watermark past both windows that hold them (10:00-10:10 and 09:55-10:05).
        Events.produce(
                KAFKA,
                RetailTopic.USER_CLICKSTREAM,
                ClickEvent.class,
                ClickEvent::getUserId,
                List.of(
                        DynamicPricingJobTest.view("s2", "garden", "10:01:00"),
                        DynamicPricingJobTest.view("s2", "garden", "10:02:00"),
                        DynamicPricingJobTest.view("s9", "garden", "10:30:00")));
        Events.produce(
                KAFKA,
                RetailTopic.CART_UPDATES,
                CartUpdate.class,
                CartUpdate::getUserId,
                List.of(DynamicPricingJobTest.add("s2", "garden", "10:04:00")));

        JobClient job = JobRun.unbounded(
                DynamicPricingSpec.SPEC,
                KAFKA,
                "--idleness",
                "1s",
                "--demand-window",
                "10min",
                "--demand-slide",
                "5min",
                "--add-to-cart-weight",
                "2.5");
        try {
            AtomicInteger cents = new AtomicInteger(3000);
            AtomicLong lastPriceChange = new AtomicLong();
            Conditions.await("a recommendation for s2 with its demand", Duration.ofSeconds(90), () -> {
                if (System.nanoTime() - lastPriceChange.get() > 1_000_000_000L) { // a new price each second
                    lastPriceChange.set(System.nanoTime());
                    String price = BigDecimal.valueOf(cents.incrementAndGet())
                            .movePointLeft(2)
                            .toPlainString();
                    Events.produce(
                            KAFKA,
                            RetailTopic.COMPETITOR_PRICES,
                            CompetitorPrice.class,
                            CompetitorPrice::getSku,
                            List.of(DynamicPricingJobTest.price("shop-a", "s2", price, Availability.IN_STOCK)));
                }
                return latestDemand() != null;
            });
            // 2 views + 1 add-to-cart weighing 2.5.
            assertEquals(4.5, latestDemand(), 1e-9);
        } finally {
            job.cancel().get();
        }
    }

    private static Double latestDemand() {
        List<PriceRecommendation> s2 =
                Events.output(KAFKA, RetailTopic.PRICE_RECOMMENDATIONS, PriceRecommendation.class).stream()
                        .filter(recommendation -> recommendation.getSku().equals("s2"))
                        .toList();
        return s2.isEmpty() ? null : s2.get(s2.size() - 1).getDemandScore();
    }
}
