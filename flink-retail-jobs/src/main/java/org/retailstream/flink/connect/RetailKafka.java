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
package org.retailstream.flink.connect;

import java.io.Serializable;
import java.time.Duration;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.events.model.PosLogEntry;
import org.retailstream.events.topics.RetailTopic;

/**
 * Typed streams of catalogue topics: records decoded from either wire format, event-time
 * watermarks per partition, and every record that cannot be decoded written to the topic's
 * dead-letter topic with the error, never failing the job and never dropped silently.
 */
public final class RetailKafka {

    /** Event time of a record, epoch milliseconds. */
    @FunctionalInterface
    public interface EventTime<T> extends Function<T, Long>, Serializable {}

    /** The record key of an event (the topic's key field), as text. */
    @FunctionalInterface
    public interface KeyOf<T> extends Function<T, String>, Serializable {}

    /** How often the sources of an alignment group compare their watermarks (Flink's default). */
    private static final Duration ALIGNMENT_UPDATE_INTERVAL = Duration.ofSeconds(1);

    private RetailKafka() {}

    /**
     * Writes {@code events} to {@code topic} with the job's delivery guarantee (EXACTLY_ONCE by
     * default: Kafka transactions committed on checkpoints, transactional ids prefixed per job and topic).
     */
    public static <T extends SpecificRecord> void write(
            DataStream<T> events, RetailTopic topic, Class<T> type, KeyOf<T> key, KafkaOptions options) {
        events.sinkTo(KafkaSink.<T>builder()
                        .setBootstrapServers(options.bootstrapServers())
                        .setKafkaProducerConfig(options.producerProperties())
                        .setRecordSerializer(
                                new EventSerializer<>(topic, options.topics().of(topic), type, key))
                        .setDeliveryGuarantee(options.deliveryGuarantee())
                        .setTransactionalIdPrefix(options.transactionalIdPrefix() + "-" + topic.topicName())
                        .build())
                .name("kafka:" + topic.topicName())
                .uid("sink-" + topic.topicName());
    }

    /**
     * Reads {@code topic} as records of {@code type}.
     *
     * @param stage name put in dead letters' {@code retail.dlq.stage} header, e.g. {@code flink:fraud}
     * @param bounded read up to the offsets at start and finish (tests, benchmarks); else unbounded
     */
    public static <T extends SpecificRecord> DataStream<T> read(
            StreamExecutionEnvironment env,
            RetailTopic topic,
            Class<T> type,
            EventTime<T> eventTime,
            KafkaOptions options,
            String stage,
            boolean bounded) {
        return read(env, topic, type, eventTime, Lateness.never(), options, stage, bounded);
    }

    /**
     * Reads {@code topic} as records of {@code type}; events late by {@code lateness} go to the
     * topic's dead letters as they were read.
     */
    public static <T extends SpecificRecord> DataStream<T> read(
            StreamExecutionEnvironment env,
            RetailTopic topic,
            Class<T> type,
            EventTime<T> eventTime,
            Lateness<T> lateness,
            KafkaOptions options,
            String stage,
            boolean bounded) {
        return read(env, topic, type, new DecodingDeserializer<>(type), eventTime, lateness, options, stage, bounded);
    }

    /**
     * Reads pos_logs, the raw text lines the Flume sink ships, as {@link PosLogEntry} events: store,
     * terminal and level from the sink's enrichment headers (or the line), event time from the line's
     * leading timestamp (or the record's). Lines without a store or terminal are dead-lettered.
     */
    public static DataStream<PosLogEntry> readPosLogs(
            StreamExecutionEnvironment env,
            KafkaOptions options,
            Lateness<PosLogEntry> lateness,
            String stage,
            boolean bounded) {
        return read(
                env,
                RetailTopic.POS_LOGS,
                PosLogEntry.class,
                new PosLogDeserializer(),
                entry -> entry.getEventTime().toEpochMilli(),
                lateness,
                options,
                stage,
                bounded);
    }

    private static <T extends SpecificRecord> DataStream<T> read(
            StreamExecutionEnvironment env,
            RetailTopic topic,
            Class<T> type,
            KafkaRecordDeserializationSchema<Decoded<T>> deserializer,
            EventTime<T> eventTime,
            Lateness<T> lateness,
            KafkaOptions options,
            String stage,
            boolean bounded) {
        var builder = KafkaSource.<Decoded<T>>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setTopics(options.topics().of(topic))
                .setGroupId(options.groupId())
                .setProperties(options.clientProperties())
                .setProperty("isolation.level", "read_committed")
                .setStartingOffsets(options.startingOffsets().initializer())
                .setDeserializer(deserializer);
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        // An undecodable record carries no event time: it must not move the watermark (its Kafka
        // timestamp is wall-clock time and would make every window of a replay fire at once), nor keep
        // its partition from going idle (ValidRecordsOnly).
        WatermarkStrategy<Decoded<T>> perPartition = (options.watermarkPerEvent()
                        ? WatermarkStrategy.<Decoded<T>>forGenerator(
                                context -> new PerEventWatermarks<>(options.outOfOrderness()))
                        : WatermarkStrategy.<Decoded<T>>forBoundedOutOfOrderness(options.outOfOrderness()))
                .withIdleness(options.idleness());
        WatermarkStrategy<Decoded<T>> watermarks = WatermarkStrategy.<Decoded<T>>forGenerator(
                        context -> new ValidRecordsOnly<>(perPartition.createWatermarkGenerator(context)))
                .withTimestampAssigner(
                        (record, kafkaTime) -> record.isValid() ? eventTime.apply(record.value()) : Long.MIN_VALUE);
        if (!options.watermarkAlignment().isZero()) {
            // One group per job: all its sources and partitions advance together.
            watermarks = watermarks.withWatermarkAlignment(
                    options.groupId(), options.watermarkAlignment(), ALIGNMENT_UPDATE_INTERVAL);
        }
        SingleOutputStreamOperator<T> valid = env.fromSource(builder.build(), watermarks, "kafka:" + topic.topicName())
                .uid("source-" + topic.topicName())
                .process(new DeadLetterSplitter<T>(stage, eventTime, lateness))
                .returns(EventTypeInfo.forEvent(type))
                .name("decode " + topic.topicName())
                .uid("decode-" + topic.topicName());
        valid.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                .sinkTo(deadLetterSink(options, topic.topicName()))
                .name("dead letters of " + topic.topicName())
                .uid("dlq-" + topic.topicName());
        return valid;
    }

    /** Sends records a job could not use (late events, say) to their source topic's dead-letter topic. */
    public static void deadLetters(DataStream<DeadLetter> letters, KafkaOptions options, String name) {
        letters.sinkTo(deadLetterSink(options, name)).name(name).uid("dlq-" + name);
    }

    /** Each sink of a job needs its own transactional id prefix, hence the name. */
    private static KafkaSink<DeadLetter> deadLetterSink(KafkaOptions options, String name) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setKafkaProducerConfig(options.producerProperties())
                .setRecordSerializer(new DeadLetterSerializer(options.topics()))
                .setDeliveryGuarantee(options.deliveryGuarantee())
                .setTransactionalIdPrefix(options.transactionalIdPrefix() + "-dlq-" + name)
                .build();
    }
}
