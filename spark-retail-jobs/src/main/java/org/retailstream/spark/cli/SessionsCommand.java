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
import org.retailstream.spark.jobs.SessionsJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sessions}: user_clickstream -> user_sessions (and user_clickstream_dlq). */
@Command(
        name = SessionsJob.NAME,
        mixinStandardHelpOptions = true,
        description = "Clickstream sessions per user (event-time session windows): pages, duration and conversion,"
                + " the Flink job's record in user_sessions, one per session once the watermark passed its end.")
final class SessionsCommand implements Callable<Integer> {

    @Mixin
    JobOptions options = new JobOptions();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--gap",
            defaultValue = "30min",
            converter = JobOptions.DurationConverter.class,
            description = "Inactivity that ends a session (default: ${DEFAULT-VALUE}).")
    Duration gap;

    @Option(
            names = "--max-pages",
            defaultValue = "100",
            description = "Most page URLs kept per session; the count is always exact (default: ${DEFAULT-VALUE}).")
    int maxPages;

    @Override
    public Integer call() throws Exception {
        return options.run(
                spec, SessionsJob.NAME, (spark, settings) -> SessionsJob.start(spark, settings, gap, maxPages));
    }
}
