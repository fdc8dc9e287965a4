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
import java.util.HashMap;
import java.util.Map;

/** Everything known about one SKU, kept in one keyed state so a rule change can re-price every SKU. */
public class SkuState {

    /** Competitor -> latest quote. */
    public Map<String, Quote> quotes = new HashMap<>();
    /** Store -> units on hand. */
    public Map<String, Integer> stock = new HashMap<>();

    public Double demandScore;
    public String category;
    public BigDecimal lastPrice;
    public long lastPriceAt;

    public SkuState() {}

    /** One competitor's latest price for the SKU. */
    public static class Quote {
        public BigDecimal price;
        public String currency;
        public boolean inStock;

        public Quote() {}

        Quote(BigDecimal price, String currency, boolean inStock) {
            this.price = price;
            this.currency = currency;
            this.inStock = inStock;
        }
    }
}
