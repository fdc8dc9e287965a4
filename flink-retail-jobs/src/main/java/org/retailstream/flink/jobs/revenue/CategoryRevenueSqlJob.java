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
package org.retailstream.flink.jobs.revenue;

import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.StartingOffsets;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.RetailJob;

/**
 * The category-revenue query in Flink SQL, the reference the DataStream job is measured against.
 * Same input, output topic and JSON wire format; unlike the DataStream job it has no allowed
 * lateness and no dead letters: window table functions drop late rows silently, and a record the
 * JSON format cannot read fails the job. Options it cannot honour are refused (see its spec).
 */
public final class CategoryRevenueSqlJob implements RetailJob {

    @Override
    public void build(StreamExecutionEnvironment env, JobSettings settings) {
        KafkaOptions kafka = settings.kafka();
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        // A partition without rows for this long stops holding back the watermark, as in the DataStream jobs.
        tables.getConfig()
                .set("table.exec.source.idle-timeout", kafka.idleness().toMillis() + " ms");
        long bound = wholeSeconds(kafka.outOfOrderness(), "out-of-orderness");
        tables.executeSql("""
                CREATE TEMPORARY TABLE checkouts (
                  order_id STRING,
                  payment_status STRING,
                  currency STRING,
                  event_time TIMESTAMP_LTZ(3),
                  `lines` ARRAY<ROW<sku STRING, category STRING, quantity INT, unit_price DECIMAL(18, 4)>>,
                  WATERMARK FOR event_time AS event_time - INTERVAL '%d' SECOND
                ) WITH (%s)""".formatted(bound, with(source(kafka, settings))));
        tables.executeSql("""
                CREATE TEMPORARY TABLE revenue (
                  category STRING,
                  window_start TIMESTAMP_LTZ(3),
                  window_end TIMESTAMP_LTZ(3),
                  revenue DECIMAL(18, 4),
                  currency STRING,
                  order_count BIGINT,
                  units BIGINT
                ) WITH (%s)""".formatted(with(sink(kafka, settings))));
        tables.executeSql("""
                CREATE TEMPORARY VIEW sales AS
                SELECT c.order_id, c.currency, c.event_time, l.category, l.quantity, l.unit_price
                FROM checkouts AS c CROSS JOIN UNNEST(c.`lines`) AS l (sku, category, quantity, unit_price)
                WHERE c.payment_status = 'CAPTURED'""");
        long windowSeconds = wholeSeconds(settings.duration(CategoryRevenueSpec.WINDOW), CategoryRevenueSpec.WINDOW);
        tables.createStatementSet().addInsertSql("""
                        INSERT INTO revenue
                        SELECT category, window_start, window_end,
                               CAST(SUM(unit_price * quantity) AS DECIMAL(18, 4)), currency,
                               COUNT(DISTINCT order_id), SUM(CAST(quantity AS BIGINT))
                        FROM TABLE(TUMBLE(TABLE sales, DESCRIPTOR(event_time), INTERVAL '%d' SECOND))
                        GROUP BY window_start, window_end, category, currency""".formatted(windowSeconds)).attachAsDataStream();
    }

    /** SQL intervals here are whole seconds; say so rather than round. */
    private static long wholeSeconds(java.time.Duration duration, String option) {
        if (duration.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "--" + option + " must be whole seconds for category-revenue-sql, got " + duration);
        }
        return duration.toSeconds();
    }

    private static Map<String, String> source(KafkaOptions kafka, JobSettings settings) {
        Map<String, String> options = common(kafka, RetailTopic.CHECKOUT_EVENTS);
        options.put("properties.group.id", kafka.groupId());
        options.put("properties.isolation.level", "read_committed");
        startingOffsets(kafka.startingOffsets(), options);
        if (settings.bounded()) {
            options.put("scan.bounded.mode", "latest-offset");
        }
        return options;
    }

    private static void startingOffsets(StartingOffsets start, Map<String, String> options) {
        switch (start.mode()) {
            case COMMITTED -> {
                options.put("scan.startup.mode", "group-offsets");
                options.put("properties.auto.offset.reset", "earliest");
            }
            case EARLIEST -> options.put("scan.startup.mode", "earliest-offset");
            case LATEST -> options.put("scan.startup.mode", "latest-offset");
            case TIMESTAMP -> {
                options.put("scan.startup.mode", "timestamp");
                options.put("scan.startup.timestamp-millis", Long.toString(start.timestampMillis()));
            }
        }
    }

    private static Map<String, String> sink(KafkaOptions kafka, JobSettings settings) {
        Map<String, String> options = common(kafka, RetailTopic.CATEGORY_REVENUE);
        options.put("key.format", "raw");
        options.put("key.fields", "category");
        options.put("value.fields-include", "ALL");
        options.put("json.encode.decimal-as-plain-number", "true");
        options.put(
                "sink.delivery-guarantee",
                kafka.deliveryGuarantee().name().toLowerCase().replace('_', '-'));
        options.put(
                "sink.transactional-id-prefix",
                kafka.transactionalIdPrefix() + "-sql-" + RetailTopic.CATEGORY_REVENUE.topicName());
        kafka.producerProperties().forEach((key, value) -> options.put("properties." + key, String.valueOf(value)));
        return options;
    }

    private static Map<String, String> common(KafkaOptions kafka, RetailTopic topic) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("connector", "kafka");
        options.put("topic", kafka.topics().of(topic));
        options.put("properties.bootstrap.servers", kafka.bootstrapServers());
        Properties client = kafka.clientProperties();
        client.forEach((key, value) -> options.put("properties." + key, String.valueOf(value)));
        options.put("format", "json");
        options.put("json.timestamp-format.standard", "ISO-8601");
        return options;
    }

    private static String with(Map<String, String> options) {
        return options.entrySet().stream()
                .map(e -> "'" + e.getKey() + "' = '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining(",\n  "));
    }
}
