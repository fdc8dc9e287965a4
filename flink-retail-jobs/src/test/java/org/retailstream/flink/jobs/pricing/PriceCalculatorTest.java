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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.retailstream.events.model.PriceRecommendation;

/** The pricing decision alone (no Flink): what the job test cannot pin down by arrival order. */
class PriceCalculatorTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void aChangeWithinAnHourIsLimitedByMaxChangePerHourAndFreeAfterTheHour() {
        SkuState state = stateWithCompetitor("8.00");
        state.lastPrice = new BigDecimal("10.0000");
        state.lastPriceAt = 0;
        PricingControl limit = rule("limit");
        limit.maxChangePercentPerHour = 5.0;

        PriceRecommendation soon =
                recommend(state, List.of(limit), 30 * 60_000L).orElseThrow();
        assertEquals(new BigDecimal("9.5000"), soon.getRecommendedPrice(), "10.00 - 5%, not the competitor's 8.00");
        assertEquals(-5.0, soon.getChangePercent(), 1e-9);
        assertTrue(soon.getReason().contains("limited to 5.0% per hour"), soon.getReason());

        state.lastPrice = new BigDecimal("10.0000");
        PriceRecommendation later = recommend(state, List.of(limit), HOUR + 1).orElseThrow();
        assertEquals(new BigDecimal("8.0000"), later.getRecommendedPrice());
    }

    @Test
    void noRecommendationWithoutAnInStockCompetitorOrWhenThePriceWouldNotChange() {
        SkuState outOfStock = new SkuState();
        outOfStock.quotes.put("shop", new SkuState.Quote(new BigDecimal("5.0000"), "EUR", false));
        assertTrue(recommend(outOfStock, List.of(), 0).isEmpty());

        SkuState unchanged = stateWithCompetitor("5.00");
        unchanged.lastPrice = new BigDecimal("5.0000");
        assertTrue(recommend(unchanged, List.of(), 0).isEmpty());
    }

    @Test
    void rulesInAnotherCurrencyOrForAnotherScopeDoNotApply() {
        SkuState state = stateWithCompetitor("10.00");
        state.category = "toys";
        PricingControl dollars = rule("usd-floor");
        dollars.currency = "USD";
        dollars.floorPrice = new BigDecimal("50.0000");
        PricingControl garden = rule("garden-ceiling");
        garden.scope = "CATEGORY";
        garden.scopeValue = "garden";
        garden.ceilingPrice = new BigDecimal("1.0000");

        assertEquals(
                new BigDecimal("10.0000"),
                recommend(state, List.of(dollars, garden), 0).orElseThrow().getRecommendedPrice());
    }

    private static Optional<PriceRecommendation> recommend(SkuState state, List<PricingControl> rules, long time) {
        return PriceCalculator.recommend("sku-1", state, rules, Map.of(), time);
    }

    private static SkuState stateWithCompetitor(String price) {
        SkuState state = new SkuState();
        state.quotes.put("shop", new SkuState.Quote(new BigDecimal(price).setScale(4), "EUR", true));
        return state;
    }

    private static PricingControl rule(String id) {
        PricingControl rule = new PricingControl();
        rule.ruleId = id;
        rule.active = true;
        rule.scope = "GLOBAL";
        rule.currency = "EUR";
        return rule;
    }
}
