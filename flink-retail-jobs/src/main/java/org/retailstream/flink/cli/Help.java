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

/** The text of --help: the jobs, the common options and each job's own. */
final class Help {

    private Help() {}

    static void all(PrintStream out) {
        out.println("usage: flink run flink-retail-jobs-<version>.jar <job> [--option value ...]");
        out.println("       flink run flink-retail-jobs-<version>.jar <job> --help");
        out.println();
        out.println("Jobs:");
        for (JobSpec job : JobCatalog.JOBS) {
            out.printf("  %-22s %s%n", job.name(), job.description());
        }
        out.println();
        options(out, "Options of every job:", CommonOptions.ALL);
    }

    static void job(JobSpec job, PrintStream out) {
        out.println("usage: flink run flink-retail-jobs-<version>.jar " + job.name() + " [--option value ...]");
        out.println();
        out.println(job.description());
        out.println();
        if (!job.options().isEmpty()) {
            options(out, "Options of " + job.name() + ":", job.options());
            out.println();
        }
        options(out, "Options of every job:", CommonOptions.ALL);
    }

    private static void options(PrintStream out, String title, List<JobOption> options) {
        out.println(title);
        for (JobOption option : options) {
            String value = option.defaultValue().isEmpty() ? "" : " (default " + option.defaultValue() + ")";
            out.printf("  --%-24s %s%s%n", option.name(), option.description(), value);
        }
    }
}
