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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.retailstream.events.codec.IsoTimes;
import org.retailstream.events.model.LogLevel;
import org.retailstream.events.model.PosLogEntry;
import org.retailstream.events.topics.EnrichmentHeaders;

/**
 * Parses a raw POS log line from pos_logs into a {@link PosLogEntry}, the topic's parsed view. The
 * Flume sink's headers win over the line (they were extracted where the line was written); the line
 * format of templates/flume/pos-logs-agent is the fallback:
 * {@code 2026-11-24T10:15:30Z store=17 terminal=3 level=ERROR printer offline}.
 */
final class PosLogDeserializer implements KafkaRecordDeserializationSchema<Decoded<PosLogEntry>> {

    private static final long serialVersionUID = 1L;

    // A time starts with a digit: a line without one starts with "store=", which is not a time.
    private static final Pattern LINE = Pattern.compile(
            "^(?<time>\\d\\S*)?\\s*(?:store=(?<store>\\S+))?\\s*(?:terminal=(?<terminal>\\S+))?\\s*(?:level=(?<level>[A-Za-z]+))?\\s*(?<message>.*)$");
    // The groups of LINE by number: a lookup by name costs a map lookup per group and line.
    private static final int TIME = 1;
    private static final int STORE = 2;
    private static final int TERMINAL = 3;
    private static final int LEVEL = 4;
    private static final int MESSAGE = 5;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<PosLogEntry>> out) {
        String line = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8).strip();
        Matcher parts = LINE.matcher(line);
        parts.matches();
        String store = header(record, EnrichmentHeaders.POS_STORE_ID, parts.group(STORE));
        String terminal = header(record, EnrichmentHeaders.POS_TERMINAL_ID, parts.group(TERMINAL));
        if (store == null || terminal == null) {
            out.collect(Decoded.failed(
                    RawRecord.of(record),
                    "POS log line without a store or terminal (no " + EnrichmentHeaders.POS_STORE_ID + "/"
                            + EnrichmentHeaders.POS_TERMINAL_ID + " header and none in the line): '" + abbreviate(line)
                            + "'"));
            return;
        }
        out.collect(Decoded.of(
                PosLogEntry.newBuilder()
                        .setEventId(header(
                                record,
                                EnrichmentHeaders.EVENT_ID,
                                record.topic() + "-" + record.partition() + "-" + record.offset()))
                        .setEventTime(time(parts.group(TIME), record.timestamp()))
                        .setStoreId(store)
                        .setTerminalId(terminal)
                        .setLevel(level(header(record, EnrichmentHeaders.POS_LEVEL, parts.group(LEVEL))))
                        .setMessage(parts.group(MESSAGE) == null ? line : parts.group(MESSAGE))
                        .setHost(header(record, EnrichmentHeaders.HOST, null))
                        .setSourceFile(header(record, EnrichmentHeaders.SOURCE_FILE, null))
                        .build(),
                RawRecord.of(record)));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(String text, long recordTimestamp) {
        if (text != null) {
            try {
                return Instant.ofEpochMilli(IsoTimes.toEpochMillis(text));
            } catch (DateTimeParseException notATime) {
                // the line has no leading timestamp; the record's is the best we have
            }
        }
        return Instant.ofEpochMilli(recordTimestamp);
    }

    private static LogLevel level(String text) {
        if (text == null) {
            return LogLevel.UNKNOWN;
        }
        try {
            return LogLevel.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return LogLevel.UNKNOWN;
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    @Override
    public TypeInformation<Decoded<PosLogEntry>> getProducedType() {
        return Decoded.typeInfo();
    }
}
