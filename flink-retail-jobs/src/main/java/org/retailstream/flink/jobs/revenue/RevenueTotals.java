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
package org.retailstream.flink.jobs.revenue;

import java.math.BigDecimal;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Adds up one category's sales in a window: revenue, orders (one sale per order and category) and units. */
final class RevenueTotals implements AggregateFunction<CategorySale, RevenueTotals.Totals, RevenueTotals.Totals> {

    private static final long serialVersionUID = 1L;

    /** Running totals of a window. */
    public static class Totals {
        public BigDecimal revenue = BigDecimal.ZERO;
        public long orders;
        public long units;
    }

    @Override
    public Totals createAccumulator() {
        return new Totals();
    }

    @Override
    public Totals add(CategorySale sale, Totals totals) {
        totals.revenue = totals.revenue.add(sale.amount);
        totals.orders++;
        totals.units += sale.units;
        return totals;
    }

    @Override
    public Totals getResult(Totals totals) {
        return totals;
    }

    @Override
    public Totals merge(Totals a, Totals b) {
        a.revenue = a.revenue.add(b.revenue);
        a.orders += b.orders;
        a.units += b.units;
        return a;
    }
}
