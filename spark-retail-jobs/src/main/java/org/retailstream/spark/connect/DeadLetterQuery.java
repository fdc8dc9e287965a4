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

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.spark.jobs.SparkJobSettings;

/**
 * Undecodable records to their topic's dead-letter topic, as the contract writes dead letters: the
 * original key and value bytes, and headers with the error, the stage, the source topic, partition and
 * offset, and when it failed.
 */
public final class DeadLetterQuery {

    private DeadLetterQuery() {}

    /** @param rejected rows of the Kafka source with an {@code error} column */
    public static StreamingQuery start(Dataset<Row> rejected, SparkJobSettings settings, String topic, String stage)
            throws TimeoutException {
        Dataset<Row> letters = rejected.select(
                col("key"),
                col("value"),
                array(
                                header(DeadLetters.HEADER_ERROR, col("error")),
                                header(DeadLetters.HEADER_STAGE, lit(stage)),
                                header(DeadLetters.HEADER_SOURCE_TOPIC, col("topic")),
                                header(
                                        DeadLetters.HEADER_SOURCE_PARTITION,
                                        col("partition").cast("string")),
                                header(
                                        DeadLetters.HEADER_SOURCE_OFFSET,
                                        col("offset").cast("string")),
                                header(
                                        DeadLetters.HEADER_FAILED_AT,
                                        date_format(current_timestamp(), "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")))
                        .as("headers"));
        // One query per job and input topic (a job may read several), e.g. spark-cart-pricing-join-cart_updates_dlq.
        String deadLetterTopic = DeadLetters.topicNameFor(topic);
        return KafkaTopics.write(letters, settings, deadLetterTopic, stage.replace(':', '-') + "-" + deadLetterTopic)
                .start();
    }

    private static Column header(String name, Column text) {
        return struct(lit(name).as("key"), text.cast("binary").as("value"));
    }
}
