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
package org.retailstream.spark.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.retailstream.events.topics.TopicNames;
import org.retailstream.spark.jobs.SparkJobSettings;

/** Spark in the test's JVM as the jobs' tests need it: two local cores, loopback only, no web UI. */
public final class LocalSpark {

    private LocalSpark() {}

    /** A job's settings for a test or a benchmark: from the earliest offsets, 5 s out-of-orderness, no client properties. */
    public static SparkJobSettings settings(String bootstrapServers, Path checkpoints, TopicNames topics) {
        return new SparkJobSettings(bootstrapServers, checkpoints, "earliest", Map.of(), Duration.ofSeconds(5), topics);
    }

    public static SparkSession start(String appName) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(appName)
                // Loopback only (else Spark binds the machine's first interface), and no web UI port.
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                // 200 (the default) on two cores was 1.5x slower than 4.
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }
}
