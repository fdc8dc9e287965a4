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
package org.retailstream.spark.connect;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.retailstream.spark.jobs.SparkJobSettings;

/** Spark's Kafka source and sink with the job's settings, so every query reads and writes the same way. */
public final class KafkaTopics {

    private KafkaTopics() {}

    /** A contract topic as Spark's Kafka source gives it: key, value, topic, partition, offset, timestamp, headers. */
    public static Dataset<Row> read(SparkSession spark, SparkJobSettings settings, String topic) {
        DataStreamReader reader = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("subscribe", topic)
                .option("startingOffsets", settings.startingOffsets())
                .option("includeHeaders", "true")
                // Outputs of exactly-once producers (the Flink jobs, other Spark jobs) count once committed.
                .option("kafka.isolation.level", "read_committed")
                .option("failOnDataLoss", "true");
        for (Map.Entry<String, String> setting : settings.clientProperties().entrySet()) {
            reader = reader.option("kafka." + setting.getKey(), setting.getValue());
        }
        return reader.load();
    }

    /**
     * Writes {@code records} (columns key, value, and optionally headers) to {@code topic}, the query
     * named {@code name} checkpointed under the job's checkpoint folder.
     */
    public static DataStreamWriter<Row> write(
            Dataset<Row> records, SparkJobSettings settings, String topic, String name) {
        DataStreamWriter<Row> writer = records.writeStream()
                .queryName(name)
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("topic", topic)
                .option("kafka.acks", "all")
                .option("kafka.enable.idempotence", "true")
                .option(
                        "checkpointLocation",
                        settings.checkpointDir().resolve(name).toString());
        for (Map.Entry<String, String> setting : settings.clientProperties().entrySet()) {
            writer = writer.option("kafka." + setting.getKey(), setting.getValue());
        }
        return writer;
    }
}
