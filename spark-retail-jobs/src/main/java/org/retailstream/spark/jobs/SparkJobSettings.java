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
package org.retailstream.spark.jobs;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.retailstream.events.topics.TopicNames;

/**
 * What every Spark job is told on its command line (see {@code cli.SparkRetailJobs} for each option's text).
 *
 * @param startingOffsets Spark's Kafka {@code startingOffsets} for a query's first start: earliest or
 *     latest; a restart continues from the checkpoint whatever this says
 * @param clientProperties extra Kafka client settings (security), passed to every consumer and producer
 * @param outOfOrderness how far behind the newest event time an event may arrive (the watermark delay)
 * @param topics the Kafka topic used for each catalogue topic (renamed with --topics, as in the Flink jar)
 */
public record SparkJobSettings(
        String bootstrapServers,
        Path checkpointDir,
        String startingOffsets,
        Map<String, String> clientProperties,
        Duration outOfOrderness,
        TopicNames topics)
        implements Serializable {}
