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
package org.retailstream.flink.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.flink.job.Environments;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSpec;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;

/**
 * The Flink side of bin/bench engines, in its own JVM (started by {@link EnginesBenchmark}): the
 * DataStream or the SQL category-revenue on a MiniCluster. {@code throughput} reads the input up to its
 * end (--bounded) and prints {@code RESULT <steady events/s> <wall events/s>}, steady being first to last
 * record read ({@link SourceProgress}); {@code live} prints READY once submitted and runs until killed.
 * Args: datastream|sql throughput|live events job-options...
 */
public final class FlinkEngineRun {

    public static void main(String[] args) throws Exception {
        JobSpec job = args[0].equals("sql") ? CategoryRevenueSpec.SQL : CategoryRevenueSpec.DATASTREAM;
        boolean live = args[1].equals("live");
        long events = Long.parseLong(args[2]);
        List<String> options = new ArrayList<>(Arrays.asList(args).subList(3, args.length));
        if (!live) {
            options.addAll(List.of("--bounded", "true"));
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(SourceProgress.install(new Configuration()));
        Environments.build(env, job, JobSettings.parse(job, options));
        if (live) {
            JobClient client = env.executeAsync(job.name());
            System.out.println("READY");
            client.getJobExecutionResult().get();
            return;
        }
        SourceProgress.Timing timing = SourceProgress.start(events);
        long start = System.nanoTime();
        env.execute(job.name());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT %.0f %.0f%n", timing.steadyRate(), events / seconds);
    }

    private FlinkEngineRun() {}
}
