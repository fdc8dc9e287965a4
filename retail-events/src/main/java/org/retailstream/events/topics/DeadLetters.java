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
package org.retailstream.events.topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * The dead-letter convention shared by the Flume sink and the Flink jobs.
 *
 * <p>A record that cannot be decoded or delivered is written, unchanged (same key and value bytes),
 * to {@code <topic>_dlq} with the headers below that say what went wrong. Nothing is dropped
 * silently: a dead-letter topic can be inspected and replayed into its source topic.
 *
 * <p>The suffix uses an underscore because Kafka treats '.' and '_' as colliding in metric names,
 * and every catalogue topic already uses underscores.
 */
public final class DeadLetters {

    /** Suffix appended to a topic name to form its dead-letter topic name. */
    public static final String TOPIC_SUFFIX = "_dlq";

    /** Dead letters are kept longer than most inputs so that someone has time to look. */
    public static final Duration RETENTION = Duration.ofDays(14);

    /** Partitions of every dead-letter topic: low volume by design. */
    public static final int PARTITIONS = 1;

    /** Header: human-readable description of the error (exception class and message). */
    public static final String HEADER_ERROR = "retail.dlq.error";
    /** Header: the component that gave up on the record, e.g. {@code flink:category-revenue}. */
    public static final String HEADER_STAGE = "retail.dlq.stage";
    /** Header: topic the record was read from or meant for. */
    public static final String HEADER_SOURCE_TOPIC = "retail.dlq.source.topic";
    /** Header: partition the record was read from, when it was read from Kafka. */
    public static final String HEADER_SOURCE_PARTITION = "retail.dlq.source.partition";
    /** Header: offset the record was read from, when it was read from Kafka. */
    public static final String HEADER_SOURCE_OFFSET = "retail.dlq.source.offset";
    /** Header: when the record was dead-lettered, ISO-8601 UTC. */
    public static final String HEADER_FAILED_AT = "retail.dlq.failed.at";

    private DeadLetters() {}

    /**
     * Adds the dead-letter headers to {@code headers}; {@code sourceTopic}, {@code partition} and
     * {@code offset} may be null when unknown.
     */
    public static Headers addHeaders(
            Headers headers, String error, String stage, String sourceTopic, Integer partition, Long offset) {
        headers.add(HEADER_ERROR, utf8(error));
        headers.add(HEADER_STAGE, utf8(stage));
        if (sourceTopic != null) {
            headers.add(HEADER_SOURCE_TOPIC, utf8(sourceTopic));
        }
        if (partition != null) {
            headers.add(HEADER_SOURCE_PARTITION, utf8(partition.toString()));
        }
        if (offset != null) {
            headers.add(HEADER_SOURCE_OFFSET, utf8(offset.toString()));
        }
        headers.add(HEADER_FAILED_AT, utf8(Instant.now().toString()));
        return headers;
    }

    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    public static String topicNameFor(String topic) {
        return topic + TOPIC_SUFFIX;
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(TOPIC_SUFFIX);
    }
}
