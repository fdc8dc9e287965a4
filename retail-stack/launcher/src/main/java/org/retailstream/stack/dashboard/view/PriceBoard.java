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
package org.retailstream.stack.dashboard.view;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailstream.events.model.PriceRecommendation;

/** The latest price recommendation of the SKUs whose price changed most recently. */
public final class PriceBoard {

    static final int SKUS = 12;

    /** What the page shows of a recommendation; prices as exact decimal strings, null where unknown. */
    public record Price(
            String sku,
            long recommendedAt,
            String lowestCompetitorPrice,
            String currentPrice,
            String recommendedPrice,
            String currency,
            double changePercent,
            List<String> rules,
            String weather,
            String reason) {}

    // Insertion order, a SKU re-inserted on each change: the eldest entry is the SKU changed longest ago.
    private final Map<String, Price> latest = new LinkedHashMap<>();

    public synchronized void accept(PriceRecommendation recommendation) {
        Price price = new Price(
                recommendation.getSku(),
                recommendation.getRecommendedAt().toEpochMilli(),
                plain(recommendation.getLowestCompetitorPrice()),
                plain(recommendation.getCurrentPrice()),
                plain(recommendation.getRecommendedPrice()),
                recommendation.getCurrency(),
                recommendation.getChangePercent(),
                List.copyOf(recommendation.getRuleIds()),
                recommendation.getWeatherCondition(),
                recommendation.getReason());
        latest.remove(price.sku());
        latest.put(price.sku(), price);
        while (latest.size() > SKUS) {
            latest.remove(latest.keySet().iterator().next());
        }
    }

    /** Newest first. */
    public synchronized List<Price> snapshot() {
        List<Price> prices = new java.util.ArrayList<>(latest.values());
        java.util.Collections.reverse(prices);
        return prices;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
