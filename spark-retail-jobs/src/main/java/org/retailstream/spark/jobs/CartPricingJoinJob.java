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

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.spark.connect.ContractSource;
import org.retailstream.spark.connect.KafkaTopics;

/**
 * Cart updates joined with the pricing and inventory tables the seed names: every cart change of a SKU
 * written to priced_cart_updates with that SKU's cheapest latest competitor price (competitor_prices) and
 * its stock over all locations (inventory_updates), as known when the change is processed. The three
 * topics are one stream grouped by SKU; the SKU's latest prices and counts live in Spark's state store
 * ({@link SkuBook}), so the "tables" are the topics themselves and survive a restart in the checkpoint.
 * A CLEAR names no SKU and is not joined. Undecodable records of each input go to its dead letters.
 */
public final class CartPricingJoinJob {

    public static final String NAME = "cart-pricing-join";
    static final String STAGE = "spark:" + NAME;

    private CartPricingJoinJob() {}

    public static List<StreamingQuery> start(SparkSession spark, SparkJobSettings settings) throws TimeoutException {
        ContractSource.Read carts = ContractSource.read(spark, settings, RetailTopic.CART_UPDATES, STAGE);
        ContractSource.Read prices = ContractSource.read(spark, settings, RetailTopic.COMPETITOR_PRICES, STAGE);
        ContractSource.Read stock = ContractSource.read(spark, settings, RetailTopic.INVENTORY_UPDATES, STAGE);
        Dataset<Row> cartRows = carts.events()
                .filter(col("sku").isNotNull())
                .select(
                        col("sku"),
                        lit(PricedCarts.CART).as("kind"),
                        col("event_time").as("at"),
                        struct(
                                        "event_id",
                                        "event_time",
                                        "user_id",
                                        "cart_id",
                                        "action",
                                        "sku",
                                        "category",
                                        "quantity",
                                        "unit_price",
                                        "currency")
                                .as("cart"));
        Dataset<Row> priceRows = prices.events()
                .select(
                        col("sku"),
                        lit(PricedCarts.PRICE).as("kind"),
                        col("observed_at").as("at"),
                        struct("competitor", "price", "currency", "observed_at").as("quote"));
        Dataset<Row> stockRows = stock.events()
                .select(
                        col("sku"),
                        lit(PricedCarts.STOCK).as("kind"),
                        col("event_time").as("at"),
                        struct("store_id", "quantity_on_hand", "event_time").as("count"));
        Dataset<Row> records = cartRows.unionByName(priceRows, true)
                .unionByName(stockRows, true)
                .groupByKey((MapFunction<Row, String>) row -> row.getAs("sku"), Encoders.STRING())
                .flatMapGroupsWithState(
                        new PricedCarts(),
                        OutputMode.Append(),
                        // Java serialization: the book is two small maps, read and written once per SKU and batch.
                        Encoders.javaSerialization(SkuBook.class),
                        Encoders.tuple(Encoders.BINARY(), Encoders.BINARY()),
                        GroupStateTimeout.NoTimeout())
                .toDF("key", "value");
        StreamingQuery priced = KafkaTopics.write(
                        records, settings, settings.topics().of(RetailTopic.PRICED_CART_UPDATES), NAME)
                .outputMode("append")
                .start();
        return List.of(priced, carts.deadLetters(), prices.deadLetters(), stock.deadLetters());
    }
}
