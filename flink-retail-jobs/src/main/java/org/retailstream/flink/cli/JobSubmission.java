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

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.flink.job.Environments;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSpec;

/** Builds a job in the environment Flink gives the jar (cluster, or local) and runs it. */
final class JobSubmission {

    private JobSubmission() {}

    static void execute(JobSpec job, JobSettings settings) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Environments.build(env, job, settings);
        env.execute("retail-" + job.name());
    }
}
