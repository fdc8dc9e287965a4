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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.retailstream.events.model.LogLevel;
import org.retailstream.events.model.PosLogEntry;
import org.retailstream.events.topics.EnrichmentHeaders;

/** One raw POS line at a time: fields from the line, the Flume sink's headers winning over it. */
class PosLogDeserializerTest {

    private static final long RECORD_TIME = 1_795_000_000_000L;

    @Test
    void aLineWithoutHeadersIsReadByItsFields() {
        PosLogEntry entry =
                parse("2026-11-24T10:15:30.250Z store=17 terminal=3 level=error printer offline", new RecordHeaders());

        assertEquals(Instant.parse("2026-11-24T10:15:30.250Z"), entry.getEventTime());
        assertEquals("17", entry.getStoreId());
        assertEquals("3", entry.getTerminalId());
        assertEquals(LogLevel.ERROR, entry.getLevel());
        assertEquals("printer offline", entry.getMessage());
        assertEquals("pos_logs-0-42", entry.getEventId());
    }

    @Test
    void theSinksHeadersWinOverTheLine() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnrichmentHeaders.POS_STORE_ID, utf8("18"));
        headers.add(EnrichmentHeaders.POS_TERMINAL_ID, utf8("4"));
        headers.add(EnrichmentHeaders.POS_LEVEL, utf8("WARN"));
        headers.add(EnrichmentHeaders.EVENT_ID, utf8("e-1"));
        headers.add(EnrichmentHeaders.HOST, utf8("till-host"));

        PosLogEntry entry = parse("2026-11-24T10:15:30+01:00 store=17 terminal=3 level=INFO drawer opened", headers);

        assertEquals(Instant.parse("2026-11-24T09:15:30Z"), entry.getEventTime());
        assertEquals("18", entry.getStoreId());
        assertEquals("4", entry.getTerminalId());
        assertEquals(LogLevel.WARN, entry.getLevel());
        assertEquals("e-1", entry.getEventId());
        assertEquals("till-host", entry.getHost());
    }

    @Test
    void aLineWithoutATimeTakesTheRecordsTimestamp() {
        PosLogEntry entry = parse("store=17 terminal=3 level=NOTICE paper low", new RecordHeaders());

        assertEquals(Instant.ofEpochMilli(RECORD_TIME), entry.getEventTime());
        assertEquals(LogLevel.UNKNOWN, entry.getLevel());
        assertEquals("17", entry.getStoreId());
    }

    @Test
    void aLineWithoutStoreOrTerminalIsADeadLetterNamingTheHeaders() {
        Decoded<PosLogEntry> decoded = decode("2026-11-24T10:15:30Z printer offline", new RecordHeaders());

        assertFalse(decoded.isValid());
        assertEquals(
                "POS log line without a store or terminal (no " + EnrichmentHeaders.POS_STORE_ID + "/"
                        + EnrichmentHeaders.POS_TERMINAL_ID + " header and none in the line):"
                        + " '2026-11-24T10:15:30Z printer offline'",
                decoded.error());
    }

    private static PosLogEntry parse(String line, RecordHeaders headers) {
        Decoded<PosLogEntry> decoded = decode(line, headers);
        assertEquals(null, decoded.error());
        return decoded.value();
    }

    private static Decoded<PosLogEntry> decode(String line, RecordHeaders headers) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                "pos_logs",
                0,
                42,
                RECORD_TIME,
                TimestampType.CREATE_TIME,
                0,
                0,
                utf8("17"),
                utf8(line),
                headers,
                Optional.empty());
        List<Decoded<PosLogEntry>> out = new ArrayList<>();
        new PosLogDeserializer().deserialize(record, new Collector<>() {
            @Override
            public void collect(Decoded<PosLogEntry> value) {
                out.add(value);
            }

            @Override
            public void close() {}
        });
        assertEquals(1, out.size());
        return out.get(0);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
