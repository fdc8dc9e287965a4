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
package org.retailstream.flink.job;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Applies the common options to the execution environment a job is built in. */
public final class Environments {

    private Environments() {}

    /** Configures {@code env} with the common options and builds the job's topology in it. */
    public static void build(StreamExecutionEnvironment env, JobSpec job, JobSettings settings) {
        configure(env, settings);
        job.newJob().build(env, settings);
    }

    private static void configure(StreamExecutionEnvironment env, JobSettings settings) {
        String parallelism = settings.text("parallelism").trim();
        if (!parallelism.isEmpty()) {
            env.setParallelism(settings.integer("parallelism"));
        }
        // Chained operators otherwise deep-copy every record with its serializer (Kryo for the decoded
        // wrapper, Avro for events): most of the layer's cost. No function here keeps an input object
        // after returning, which is what object reuse requires.
        env.getConfig().enableObjectReuse();
        env.enableCheckpointing(settings.duration("checkpoint-interval").toMillis(), CheckpointingMode.EXACTLY_ONCE);
        String attempts = settings.text("restart-attempts").trim();
        if (!attempts.isEmpty()) {
            Configuration restarts = new Configuration();
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            restarts.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, settings.integer("restart-attempts"));
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, java.time.Duration.ofMillis(200));
            env.configure(restarts);
        }
        String dir = settings.text("checkpoint-dir").trim();
        if (!dir.isEmpty()) {
            Configuration storage = new Configuration();
            storage.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            storage.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
            env.configure(storage);
        }
    }
}
