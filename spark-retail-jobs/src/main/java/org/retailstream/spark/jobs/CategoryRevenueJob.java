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
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.window;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.spark.connect.ContractSource;
import org.retailstream.spark.connect.KafkaTopics;

/**
 * Revenue per category per minute of captured payments, as the Flink job computes it and in the same
 * record: per order and category the sum of unit price times quantity (exact decimals), summed per
 * event-time window (one minute unless told) once the watermark has passed its end (append mode: one record per
 * window). Undecodable checkouts go to checkout_events_dlq; late rows are dropped by Spark and counted
 * by {@link org.retailstream.spark.connect.LateRows}.
 */
public final class CategoryRevenueJob {

    public static final String NAME = "category-revenue";
    static final String STAGE = "spark:" + NAME;

    private CategoryRevenueJob() {}

    /** Starts the job's queries with one-minute windows: the revenue windows and the dead letters. */
    public static List<StreamingQuery> start(SparkSession spark, SparkJobSettings settings) throws TimeoutException {
        return start(spark, settings, Duration.ofMinutes(1));
    }

    /** Starts the job's queries with tumbling windows of {@code windowSize}: the revenue windows and the dead letters. */
    public static List<StreamingQuery> start(SparkSession spark, SparkJobSettings settings, Duration windowSize)
            throws TimeoutException {
        spark.udf().register("retail_encode_category_revenue", new CategoryRevenueEncoder(), DataTypes.BinaryType);
        ContractSource.Read checkouts = ContractSource.read(spark, settings, RetailTopic.CHECKOUT_EVENTS, STAGE);
        Dataset<Row> captured = checkouts.events().filter(col("payment_status").equalTo("CAPTURED"));
        // A row per order line. Money as ten-thousandths in a long: the contract's prices have scale 4, so the
        // sums are exact, and Spark adds longs far faster than decimal(38,4) (up to 9.2e14 per window and
        // category). An order counts once per category: on its first line of that category.
        Dataset<Row> sales = captured.select(
                        col("event_time"),
                        col("currency"),
                        col("lines.category").as("categories"),
                        posexplode(col("lines")).as(new String[] {"position", "line"}))
                .select(
                        col("event_time"),
                        col("currency"),
                        col("line.category").as("category"),
                        expr("cast(line.unit_price * 10000 as bigint) * line.quantity")
                                .as("amount"),
                        expr("if(array_position(categories, line.category) = position + 1, 1, 0)")
                                .as("first_of_category"),
                        col("line.quantity").as("units"));
        Dataset<Row> windows = sales.withWatermark(
                        "event_time", settings.outOfOrderness().toMillis() + " milliseconds")
                .groupBy(
                        window(col("event_time"), windowSize.toMillis() + " milliseconds"),
                        col("category"),
                        col("currency"))
                .agg(
                        sum("amount").as("revenue"),
                        sum("first_of_category").as("order_count"),
                        sum("units").as("units"));
        Dataset<Row> records = windows.select(
                col("category").cast("binary").as("key"),
                call_udf(
                                "retail_encode_category_revenue",
                                col("category"),
                                col("window.start"),
                                col("window.end"),
                                col("revenue"),
                                col("currency"),
                                col("order_count"),
                                col("units"))
                        .as("value"));
        StreamingQuery revenue = KafkaTopics.write(
                        records, settings, settings.topics().of(RetailTopic.CATEGORY_REVENUE), NAME)
                .outputMode("append")
                .start();
        return List.of(revenue, checkouts.deadLetters());
    }
}
