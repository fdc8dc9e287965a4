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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retailstream.events.model.PriceRecommendation;

/**
 * The pricing decision for one SKU, from what is known about it and the active rules: start at the
 * cheapest in-stock competitor, undercut it by the largest undercut rule, raise it by weather uplifts
 * whose condition holds at a store that stocks the SKU, keep it within floor and ceiling, and move
 * at most max-change-per-hour from the last recommendation within the same hour. No recommendation
 * without an in-stock competitor price, or when the price would not change.
 */
final class PriceCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final long HOUR = 3_600_000L;

    private PriceCalculator() {}

    static Optional<PriceRecommendation> recommend(
            String sku, SkuState state, Iterable<PricingControl> rules, Map<String, String> weatherByStore, long time) {
        Optional<Map.Entry<String, SkuState.Quote>> cheapest = state.quotes.entrySet().stream()
                .filter(quote -> quote.getValue().inStock)
                .min(Comparator.comparing(quote -> quote.getValue().price));
        if (cheapest.isEmpty()) {
            return Optional.empty();
        }
        String currency = cheapest.get().getValue().currency;
        BigDecimal lowest = cheapest.get().getValue().price;
        BigDecimal price = lowest;
        List<String> reasons = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        reasons.add("cheapest in-stock competitor " + cheapest.get().getKey() + " at "
                + lowest.stripTrailingZeros().toPlainString());
        List<PricingControl> applicable = new ArrayList<>();
        for (PricingControl rule : rules) {
            if (rule.active && rule.appliesTo(sku, state.category) && currency.equals(rule.currency)) {
                applicable.add(rule);
            }
        }
        Optional<PricingControl> undercut = applicable.stream()
                .filter(rule -> rule.undercutPercent != null)
                .max(Comparator.comparing(rule -> rule.undercutPercent));
        if (undercut.isPresent()) {
            price = percent(price, -undercut.get().undercutPercent);
            reasons.add("undercut by " + undercut.get().undercutPercent + "%");
            ruleIds.add(undercut.get().ruleId);
        }
        String weather = null;
        for (PricingControl rule : applicable) {
            if (rule.weatherCondition != null
                    && rule.weatherUpliftPercent != null
                    && raining(rule.weatherCondition, state, weatherByStore)) {
                price = percent(price, rule.weatherUpliftPercent);
                weather = rule.weatherCondition;
                reasons.add("weather " + rule.weatherCondition + " uplift " + rule.weatherUpliftPercent + "%");
                ruleIds.add(rule.ruleId);
            }
        }
        for (PricingControl rule : applicable) {
            if (rule.floorPrice != null && price.compareTo(rule.floorPrice) < 0) {
                price = rule.floorPrice;
                reasons.add("raised to floor "
                        + rule.floorPrice.stripTrailingZeros().toPlainString());
                ruleIds.add(rule.ruleId);
            }
            if (rule.ceilingPrice != null && price.compareTo(rule.ceilingPrice) > 0) {
                price = rule.ceilingPrice;
                reasons.add("capped at ceiling "
                        + rule.ceilingPrice.stripTrailingZeros().toPlainString());
                ruleIds.add(rule.ruleId);
            }
        }
        if (state.lastPrice != null && time - state.lastPriceAt < HOUR) {
            for (PricingControl rule : applicable) {
                if (rule.maxChangePercentPerHour != null) {
                    BigDecimal step = state.lastPrice
                            .multiply(BigDecimal.valueOf(rule.maxChangePercentPerHour))
                            .divide(HUNDRED, 8, RoundingMode.HALF_EVEN);
                    BigDecimal low = state.lastPrice.subtract(step);
                    BigDecimal high = state.lastPrice.add(step);
                    if (price.compareTo(low) < 0 || price.compareTo(high) > 0) {
                        price = price.max(low).min(high);
                        reasons.add("limited to " + rule.maxChangePercentPerHour + "% per hour");
                        ruleIds.add(rule.ruleId);
                    }
                }
            }
        }
        price = price.setScale(2, RoundingMode.HALF_EVEN).setScale(4, RoundingMode.UNNECESSARY);
        if (state.lastPrice != null && state.lastPrice.compareTo(price) == 0) {
            return Optional.empty();
        }
        double change = state.lastPrice == null
                ? 0.0
                : price.subtract(state.lastPrice)
                        .multiply(HUNDRED)
                        .divide(state.lastPrice, 4, RoundingMode.HALF_EVEN)
                        .doubleValue();
        Integer stock = state.stock.isEmpty()
                ? null
                : state.stock.values().stream().mapToInt(Integer::intValue).sum();
        return Optional.of(PriceRecommendation.newBuilder()
                .setSku(sku)
                .setRecommendedAt(Instant.ofEpochMilli(time))
                .setCurrentPrice(state.lastPrice)
                .setRecommendedPrice(price)
                .setCurrency(currency)
                .setChangePercent(change)
                .setReason(String.join("; ", reasons))
                .setRuleIds(ruleIds.stream().distinct().toList())
                .setLowestCompetitorPrice(lowest.setScale(4, RoundingMode.HALF_EVEN))
                .setStockLevel(stock)
                .setDemandScore(state.demandScore)
                .setWeatherCondition(weather)
                .build());
    }

    private static boolean raining(String condition, SkuState state, Map<String, String> weatherByStore) {
        return state.stock.entrySet().stream()
                .anyMatch(store -> store.getValue() > 0 && condition.equals(weatherByStore.get(store.getKey())));
    }

    private static BigDecimal percent(BigDecimal price, double percent) {
        return price.multiply(BigDecimal.valueOf(100 + percent)).divide(HUNDRED, 8, RoundingMode.HALF_EVEN);
    }
}
