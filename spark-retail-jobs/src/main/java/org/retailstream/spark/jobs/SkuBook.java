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

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What cart-pricing-join knows of one SKU: each competitor's latest price and each location's latest
 * stock count. A quote or count older than the one held is ignored, so a late record cannot roll a
 * price back. Kept in Spark's state store per SKU.
 */
// public: Spark's state encoder refuses a class it cannot reach.
public final class SkuBook implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A competitor's price as observed. */
    record Quote(String competitor, BigDecimal price, String currency, Instant observedAt) implements Serializable {}

    /** A store's or warehouse's stock count. */
    record Count(int onHand, Instant countedAt) implements Serializable {}

    /** The stock over every location known: the sum of their latest counts, and the newest count's time. */
    record Stock(int onHand, int locations, Instant countedAt) {}

    private final Map<String, Quote> quotes = new HashMap<>();
    private final Map<String, Count> counts = new HashMap<>();

    void quote(Quote quote) {
        quotes.merge(
                quote.competitor(),
                quote,
                (held, given) -> given.observedAt().isBefore(held.observedAt()) ? held : given);
    }

    void count(String location, Count count) {
        counts.merge(location, count, (held, given) -> given.countedAt().isBefore(held.countedAt()) ? held : given);
    }

    /** The lowest latest price in {@code currency}; on equal prices the competitor first by name, for a stable answer. */
    Optional<Quote> cheapestIn(String currency) {
        return quotes.values().stream()
                .filter(quote -> quote.currency().equals(currency))
                .min((a, b) -> {
                    int byPrice = a.price().compareTo(b.price());
                    return byPrice != 0 ? byPrice : a.competitor().compareTo(b.competitor());
                });
    }

    long competitorsIn(String currency) {
        return quotes.values().stream()
                .filter(quote -> quote.currency().equals(currency))
                .count();
    }

    Optional<Stock> stock() {
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        int onHand = counts.values().stream().mapToInt(Count::onHand).sum();
        Instant newest = counts.values().stream()
                .map(Count::countedAt)
                .max(Instant::compareTo)
                .orElseThrow();
        return Optional.of(new Stock(onHand, counts.size(), newest));
    }
}
