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
import java.util.Optional;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.job.JobCommandLine;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSpec;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the jar: {@code flink run flink-retail-jobs-<version>.jar <job> [--option value ...]}.
 * Help and option errors (the job's command line is picocli's, see {@link JobCommandLine}) are
 * handled before any Flink class is touched, so they also work with plain {@code java -jar}.
 */
public final class RetailJobs {

    static final int USAGE_ERROR = 2;

    private RetailJobs() {}

    public static void main(String[] args) throws Exception {
        int status = run(List.of(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            Help.all(out);
            return args.isEmpty() ? USAGE_ERROR : 0;
        }
        Optional<JobSpec> job = JobCatalog.byName(args.get(0));
        if (job.isEmpty()) {
            err.println("Unknown job '" + args.get(0) + "'. Jobs: "
                    + String.join(
                            ", ", JobCatalog.JOBS.stream().map(JobSpec::name).toList()));
            return USAGE_ERROR;
        }
        CommandLine commandLine = JobCommandLine.commandLine(job.get());
        JobSettings settings;
        try {
            ParseResult parsed =
                    commandLine.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
            if (parsed.isUsageHelpRequested()) {
                commandLine.usage(out);
                return 0;
            }
            settings = JobSettings.of(job.get(), JobCommandLine.values(job.get(), parsed));
            KafkaOptions kafka = settings.kafka(); // checks them (and reads --client-properties) once
            out.println(job.get().name() + ": " + kafka.startingOffsets().describe(kafka.groupId()));
        } catch (CommandLine.ParameterException e) {
            err.println(JobCommandLine.message(e));
            return USAGE_ERROR;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE_ERROR;
        }
        JobSubmission.execute(job.get(), settings);
        return 0;
    }
}
