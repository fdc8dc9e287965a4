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

import java.util.List;
import org.retailstream.flink.job.JobOption;
import org.retailstream.flink.job.JobSpec;

/** Name and options of the category-revenue jobs (DataStream and SQL share them). */
public final class CategoryRevenueSpec {

    public static final String WINDOW = "window";
    public static final String ALLOWED_LATENESS = "allowed-lateness";

    private static final List<JobOption> OPTIONS = List.of(
            new JobOption(WINDOW, "1min", "Tumbling event-time window size."),
            new JobOption(
                    ALLOWED_LATENESS,
                    "30s",
                    "Late events within this time update their window; later ones go to checkout_events_dlq."));

    public static final JobSpec DATASTREAM = new JobSpec(
            "category-revenue",
            "checkout_events -> category_revenue: revenue, orders and units per category and currency per window",
            OPTIONS,
            "org.retailstream.flink.jobs.revenue.CategoryRevenueJob");

    public static final JobSpec SQL = new JobSpec(
            "category-revenue-sql",
            "the same query in Flink SQL (reference: no allowed lateness, fails on unreadable records)",
            OPTIONS,
            "org.retailstream.flink.jobs.revenue.CategoryRevenueSqlJob");

    private CategoryRevenueSpec() {}
}
