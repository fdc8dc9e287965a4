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

import java.math.RoundingMode;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.retailstream.events.model.CategoryRevenue;

/** Turns a window's totals into the category_revenue event (window bounds in event time). */
final class ToCategoryRevenue extends ProcessWindowFunction<RevenueTotals.Totals, CategoryRevenue, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(
            String key, Context context, Iterable<RevenueTotals.Totals> totals, Collector<CategoryRevenue> out) {
        RevenueTotals.Totals sum = totals.iterator().next();
        int split = key.lastIndexOf('|');
        out.collect(CategoryRevenue.newBuilder()
                .setCategory(key.substring(0, split))
                .setCurrency(key.substring(split + 1))
                .setWindowStart(Instant.ofEpochMilli(context.window().getStart()))
                .setWindowEnd(Instant.ofEpochMilli(context.window().getEnd()))
                .setRevenue(sum.revenue.setScale(4, RoundingMode.UNNECESSARY))
                .setOrderCount(sum.orders)
                .setUnits(sum.units)
                .build());
    }
}
