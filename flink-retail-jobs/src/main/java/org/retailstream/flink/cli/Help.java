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
package org.retailstream.flink.cli;

import java.io.PrintStream;
import java.util.List;
import org.retailstream.flink.job.CommonOptions;
import org.retailstream.flink.job.JobOption;
import org.retailstream.flink.job.JobSpec;

/** The text of the jar's --help: the jobs and the options of every job (a job's own --help is picocli's). */
final class Help {

    private Help() {}

    static void all(PrintStream out) {
        out.println("usage: flink run flink-retail-jobs-<version>.jar <job> [--option value ...]");
        out.println("       flink run flink-retail-jobs-<version>.jar <job> --help     (the job's own options)");
        out.println();
        out.println("Jobs:");
        for (JobSpec job : JobCatalog.JOBS) {
            out.printf("  %-22s %s%n", job.name(), job.description());
        }
        out.println();
        options(out, "Options of every job:", CommonOptions.ALL);
    }

    private static void options(PrintStream out, String title, List<JobOption> options) {
        out.println(title);
        for (JobOption option : options) {
            String value = option.defaultValue().isEmpty() ? "" : " (default " + option.defaultValue() + ")";
            String name = option.isFlag() ? option.name() + " [true|false]" : option.name();
            out.printf("  --%-24s %s%s%n", name, option.description(), value);
        }
    }
}
