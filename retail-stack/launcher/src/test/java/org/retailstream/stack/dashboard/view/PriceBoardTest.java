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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailstream.events.model.PriceRecommendation;

class PriceBoardTest {

    @Test
    void keepsEachSkusLatestPriceForTheTwelveSkusChangedMostRecently() {
        PriceBoard board = new PriceBoard();
        for (int sku = 1; sku <= 13; sku++) {
            board.accept(price("SKU-" + sku, "10.0000"));
        }
        board.accept(price("SKU-2", "9.5000"));

        List<PriceBoard.Price> shown = board.snapshot();
        assertEquals(12, shown.size());
        assertEquals("SKU-2", shown.get(0).sku(), "the SKU changed last comes first");
        assertEquals("9.5000", shown.get(0).recommendedPrice());
        assertEquals("SKU-13", shown.get(1).sku());
        assertEquals("SKU-3", shown.get(11).sku(), "SKU-1 changed longest ago and left the board");
        assertEquals(null, shown.get(0).currentPrice(), "unknown stays unknown, not zero");
    }

    private static PriceRecommendation price(String sku, String recommended) {
        return PriceRecommendation.newBuilder()
                .setSku(sku)
                .setRecommendedAt(Instant.parse("2026-12-03T10:00:00Z"))
                .setCurrentPrice(null)
                .setRecommendedPrice(new BigDecimal(recommended))
                .setCurrency("EUR")
                .setChangePercent(0)
                .setReason("cheapest in-stock competitor shop-b at 10.00")
                .setRuleIds(List.of())
                .setLowestCompetitorPrice(null)
                .setStockLevel(null)
                .setDemandScore(null)
                .setWeatherCondition(null)
                .build();
    }
}
