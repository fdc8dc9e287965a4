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

import static org.apache.spark.sql.avro.functions.from_avro;
import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.spark.jobs.SparkJobSettings;

/**
 * A contract topic as a job reads it: the events decoded by the contract's codec into the columns
 * spark-avro derives from the topic's Avro schema, and the query that sends what does not decode to the
 * topic's dead letters.
 */
public final class ContractSource {

    /** The decoded events, and the dead-letter query already started. */
    public record Read(Dataset<Row> events, StreamingQuery deadLetters) {}

    private ContractSource() {}

    /** @param stage who reads, for the dead letters' stage header, e.g. spark:sessions */
    public static Read read(SparkSession spark, SparkJobSettings settings, RetailTopic topic, String stage)
            throws TimeoutException {
        ContractDecoder decoder = new ContractDecoder(topic);
        String function = "retail_decode_" + topic.topicName();
        String errors = "retail_decode_error_" + topic.topicName();
        // Marked non-deterministic so that Spark evaluates them once per record: otherwise the optimizer pushes
        // the filter on their result below the projection and decodes every record twice.
        spark.udf().register(function, udf(decoder, ContractDecoder.RESULT).asNondeterministic());
        spark.udf().register(errors, udf(decoder.errors(), DataTypes.StringType).asNondeterministic());
        String input = settings.topics().of(topic);
        // Two queries, since a Spark query has one sink: each reads the topic; the dead letters' only decodes.
        StreamingQuery deadLetters = DeadLetterQuery.start(
                KafkaTopics.read(spark, settings, input)
                        .withColumn("error", call_udf(errors, col("value")))
                        .filter(col("error").isNotNull()),
                settings,
                input,
                stage);
        Dataset<Row> events = KafkaTopics.read(spark, settings, input)
                .withColumn("decoded", call_udf(function, col("value")))
                .filter(col("decoded.error").isNull())
                .select(from_avro(col("decoded.avro"), decoder.schemaJson()).as("event"))
                .select("event.*");
        return new Read(events, deadLetters);
    }
}
