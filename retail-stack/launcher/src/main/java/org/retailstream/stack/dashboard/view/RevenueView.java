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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.retailstream.events.model.CategoryRevenue;

/**
 * Revenue per category per window: the latest value of each (category, window) as the job last wrote it
 * (a window re-emitted within its allowed lateness replaces the earlier value), the last
 * {@value #WINDOWS} windows kept for the chart.
 */
public final class RevenueView {

    static final int WINDOWS = 15;

    /** One window of one category; amounts as exact decimal strings, times in epoch milliseconds. */
    public record Window(
            String category,
            long windowStart,
            long windowEnd,
            String revenue,
            String currency,
            long orders,
            long units) {}

    /** The chart's windows, oldest first, and the newest window of each category. */
    public record Snapshot(List<Long> windowStarts, Map<String, List<Window>> byCategory, List<Window> latest) {}

    private final NavigableMap<Long, Map<String, Window>> windows = new TreeMap<>();

    public synchronized void accept(CategoryRevenue revenue) {
        Window window = new Window(
                revenue.getCategory(),
                revenue.getWindowStart().toEpochMilli(),
                revenue.getWindowEnd().toEpochMilli(),
                revenue.getRevenue().toPlainString(),
                revenue.getCurrency(),
                revenue.getOrderCount(),
                revenue.getUnits());
        windows.computeIfAbsent(window.windowStart(), start -> new TreeMap<>()).put(window.category(), window);
        while (windows.size() > WINDOWS) {
            windows.pollFirstEntry();
        }
    }

    public synchronized Snapshot snapshot() {
        Map<String, List<Window>> byCategory = new TreeMap<>();
        Map<String, Window> latest = new TreeMap<>();
        windows.forEach((start, categories) -> categories.forEach((category, window) -> {
            byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(window);
            latest.put(category, window);
        }));
        return new Snapshot(List.copyOf(windows.keySet()), byCategory, List.copyOf(latest.values()));
    }
}
