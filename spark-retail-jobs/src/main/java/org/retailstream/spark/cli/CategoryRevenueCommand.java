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
package org.retailstream.spark.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.retailstream.spark.jobs.CategoryRevenueJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code category-revenue}: checkout_events -> category_revenue (and checkout_events_dlq). */
@Command(
        name = CategoryRevenueJob.NAME,
        mixinStandardHelpOptions = true,
        description =
                "Revenue per category per window (one minute by default) of captured payments (event time, exact decimals), the"
                        + " Flink job's record in category_revenue, one per window once the watermark passed it."
                        + " Undecodable checkouts go to checkout_events_dlq; late ones are dropped and counted.")
final class CategoryRevenueCommand implements Callable<Integer> {

    @Mixin
    JobOptions options = new JobOptions();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--window",
            defaultValue = "1min",
            converter = JobOptions.DurationConverter.class,
            description = "Tumbling event-time window size, as the Flink job's --window (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Override
    public Integer call() throws Exception {
        return options.run(
                spec, CategoryRevenueJob.NAME, (spark, settings) -> CategoryRevenueJob.start(spark, settings, window));
    }
}
