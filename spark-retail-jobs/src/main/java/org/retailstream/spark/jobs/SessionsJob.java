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

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.session_window;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.spark.connect.ContractSource;
import org.retailstream.spark.connect.KafkaTopics;

/**
 * Clickstream sessions per user, as the Flink job makes them and in the same record: a session is
 * Spark's event-time session window (it ends after {@code gap} without a click), written once the
 * watermark has passed its end; start and end are its first and last click, pages the first
 * {@code maxPages} page and product views in event time (on equal times by URL, where Flink keeps
 * arrival order), converted whether it holds a checkout. Undecodable clicks go to user_clickstream_dlq.
 */
public final class SessionsJob {

    public static final String NAME = "sessions";
    static final String STAGE = "spark:" + NAME;

    private SessionsJob() {}

    public static List<StreamingQuery> start(SparkSession spark, SparkJobSettings settings, Duration gap, int maxPages)
            throws TimeoutException {
        spark.udf().register("retail_encode_user_session", new UserSessionEncoder(), DataTypes.BinaryType);
        ContractSource.Read clicks = ContractSource.read(spark, settings, RetailTopic.USER_CLICKSTREAM, STAGE);
        Column pageView = col("event_type").isin("PAGE_VIEW", "PRODUCT_VIEW");
        Dataset<Row> sessions = clicks.events()
                .withWatermark("event_time", settings.outOfOrderness().toMillis() + " milliseconds")
                .groupBy(session_window(col("event_time"), gap.toMillis() + " milliseconds"), col("user_id"))
                .agg(
                        min("event_time").as("first_click"),
                        max("event_time").as("last_click"),
                        count("*").as("events"),
                        sum(when(pageView, 1).otherwise(0)).as("page_views"),
                        max(col("event_type").equalTo("CHECKOUT")).as("converted"),
                        // collect_list skips the nulls: only page and product views
                        collect_list(when(pageView, struct(col("event_time"), col("page_url"))))
                                .as("views"));
        Dataset<Row> records = sessions.select(
                col("user_id").cast("binary").as("key"),
                call_udf(
                                "retail_encode_user_session",
                                col("user_id"),
                                col("first_click"),
                                col("last_click"),
                                col("events"),
                                col("page_views"),
                                col("converted"),
                                expr("transform(slice(array_sort(views), 1, " + maxPages + "), view -> view.page_url)"))
                        .as("value"));
        StreamingQuery written = KafkaTopics.write(
                        records, settings, settings.topics().of(RetailTopic.USER_SESSIONS), NAME)
                .outputMode("append")
                .start();
        return List.of(written, clicks.deadLetters());
    }
}
