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
package org.retailstream.flink.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.flink.job.Environments;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSpec;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * Runs a job on the test MiniCluster against the test broker: bounded (reading its inputs to their
 * end, with per-event watermarks so lateness is the data's) or unbounded with the options users get.
 */
public final class JobRun {

    private JobRun() {}

    /** The test defaults a job refuses (the SQL twin's watermark options) are left out for it. */
    private static void dropRefused(JobSpec job, List<String> args) {
        for (int i = 0; i < args.size(); ) {
            String name = args.get(i).startsWith("--") ? args.get(i).substring(2) : "";
            if (job.refused().containsKey(name) && i + 1 < args.size()) {
                args.subList(i, i + 2).clear();
            } else {
                i++;
            }
        }
    }

    public static void bounded(JobSpec job, KafkaBrokerExtension kafka, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--bounded", "true",
                "--parallelism", "2",
                "--checkpoint-interval", "500ms",
                "--out-of-orderness", "5s",
                "--idleness", "1s",
                "--restart-attempts", "2",
                "--watermark-per-event", "true"));
        args.addAll(List.of(options));
        dropRefused(job, args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobSettings settings = JobSettings.parse(job, args);
        Environments.build(env, job, settings);
        env.execute(job.name());
    }

    /**
     * Starts {@code job} unbounded with the default watermarks (periodic, 5 s bound, 1 min idleness)
     * and returns while it runs; the caller cancels it.
     */
    public static JobClient unbounded(JobSpec job, KafkaBrokerExtension kafka, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--parallelism", "1",
                "--checkpoint-interval", "500ms"));
        args.addAll(List.of(options));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Environments.build(env, job, JobSettings.parse(job, args));
        return env.executeAsync(job.name());
    }
}
