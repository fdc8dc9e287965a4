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
import java.util.Map;
import org.retailstream.flink.job.JobOption;
import org.retailstream.flink.job.JobSpec;

/** Name and options of the category-revenue jobs: the DataStream job and its SQL twin, which honours fewer. */
public final class CategoryRevenueSpec {

    public static final String WINDOW = "window";
    public static final String ALLOWED_LATENESS = "allowed-lateness";

    private static final JobOption WINDOW_OPTION = new JobOption(WINDOW, "1min", "Tumbling event-time window size.");

    private static final String USE_THE_DATASTREAM_JOB = "; category-revenue has it";

    public static final JobSpec DATASTREAM = new JobSpec(
            "category-revenue",
            "checkout_events -> category_revenue: revenue, orders and units per category and currency per window",
            List.of(
                    WINDOW_OPTION,
                    new JobOption(
                            ALLOWED_LATENESS,
                            "30s",
                            "Late events within this time update their window; later ones go to"
                                    + " checkout_events_dlq.")),
            "org.retailstream.flink.jobs.revenue.CategoryRevenueJob");

    public static final JobSpec SQL = new JobSpec(
            "category-revenue-sql",
            "the same query in Flink SQL (reference). Late events are dropped silently (SQL windows have no"
                    + " allowed lateness and no dead letters) and an unreadable record fails the job.",
            List.of(WINDOW_OPTION),
            "org.retailstream.flink.jobs.revenue.CategoryRevenueSqlJob",
            Map.of(
                    ALLOWED_LATENESS,
                    "SQL window table functions drop every late row" + USE_THE_DATASTREAM_JOB,
                    "watermark-per-event",
                    "its watermarks are declared in SQL, emitted periodically" + USE_THE_DATASTREAM_JOB,
                    "watermark-alignment",
                    "its source is declared in SQL, without alignment" + USE_THE_DATASTREAM_JOB));

    private CategoryRevenueSpec() {}
}
