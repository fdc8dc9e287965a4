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
package org.retailstream.flink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * The baseline for the job layer's cost: category revenue from a bare KafkaSource and Jackson, no
 * typed events, no dead letters, same window and the same EXACTLY_ONCE Kafka output.
 */
final class BareRevenueJob {

    private BareRevenueJob() {}

    static void build(StreamExecutionEnvironment env, String bootstrapServers, String groupId) {
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics("checkout_events")
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setProperty("isolation.level", "read_committed")
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "bare source")
                .flatMap(new Sales())
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple4<String, BigDecimal, Long, Long>>forBoundedOutOfOrderness(
                                        Duration.ofSeconds(5))
                                .withTimestampAssigner((sale, ignored) -> sale.f3))
                .keyBy(sale -> sale.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(new Sum())
                .map(total -> "{\"key\":\"" + total.f0 + "\",\"revenue\":" + total.f1.toPlainString() + ",\"orders\":"
                        + total.f2 + "}")
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                                .setTopic("bench_bare_revenue")
                                .setValueSerializationSchema(new SimpleStringSchema())
                                .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix("bench-bare-" + groupId)
                        .setProperty("transaction.timeout.ms", "900000")
                        .build());
    }

    /** (category|currency, amount, 1 order, event time) per captured line. */
    private static final class Sales extends RichFlatMapFunction<String, Tuple4<String, BigDecimal, Long, Long>> {
        private transient ObjectMapper json;

        @Override
        public void flatMap(String value, Collector<Tuple4<String, BigDecimal, Long, Long>> out) throws Exception {
            if (json == null) {
                json = new ObjectMapper();
            }
            JsonNode checkout = json.readTree(value.getBytes(StandardCharsets.UTF_8));
            if (!"CAPTURED".equals(checkout.path("payment_status").asText())) {
                return;
            }
            long time = Instant.parse(checkout.path("event_time").asText()).toEpochMilli();
            String currency = checkout.path("currency").asText();
            for (JsonNode line : checkout.path("lines")) {
                BigDecimal amount = new BigDecimal(line.path("unit_price").asText())
                        .multiply(BigDecimal.valueOf(line.path("quantity").asInt()));
                out.collect(Tuple4.of(line.path("category").asText() + "|" + currency, amount, 1L, time));
            }
        }
    }

    private static final class Sum
            implements AggregateFunction<
                    Tuple4<String, BigDecimal, Long, Long>,
                    Tuple4<String, BigDecimal, Long, Long>,
                    Tuple4<String, BigDecimal, Long, Long>> {
        @Override
        public Tuple4<String, BigDecimal, Long, Long> createAccumulator() {
            return Tuple4.of("", BigDecimal.ZERO, 0L, 0L);
        }

        @Override
        public Tuple4<String, BigDecimal, Long, Long> add(
                Tuple4<String, BigDecimal, Long, Long> sale, Tuple4<String, BigDecimal, Long, Long> total) {
            return Tuple4.of(sale.f0, total.f1.add(sale.f1), total.f2 + 1, 0L);
        }

        @Override
        public Tuple4<String, BigDecimal, Long, Long> getResult(Tuple4<String, BigDecimal, Long, Long> total) {
            return total;
        }

        @Override
        public Tuple4<String, BigDecimal, Long, Long> merge(
                Tuple4<String, BigDecimal, Long, Long> a, Tuple4<String, BigDecimal, Long, Long> b) {
            return Tuple4.of(a.f0, a.f1.add(b.f1), a.f2 + b.f2, 0L);
        }
    }
}
