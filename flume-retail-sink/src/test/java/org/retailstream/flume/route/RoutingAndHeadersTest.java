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
package org.retailstream.flume.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailstream.flume.support.Records.header;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flume.event.EventBuilder;
import org.apache.flume.source.avro.AvroFlumeEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.flume.EnrichingKafkaSink;
import org.retailstream.flume.support.AgentHarness;
import org.retailstream.flume.support.Records;
import org.retailstream.flume.support.SinkHarness;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/** Topic templates, header forwarding, hashed event ids and the Flume event format, on a real broker. */
class RoutingAndHeadersTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    @Test
    void templatedTopicsFallBackAndOnlyAllowedHeadersAreForwarded(@TempDir Path dir) throws Exception {
        for (String topic : List.of("pos_north", "pos_south", "pos_unrouted")) {
            KAFKA.createTopic(topic, 1);
        }
        Map<String, String> config = base("pos_%{region}");
        config.put("topicFallback", "pos_unrouted");
        config.put("headers.forward", "all");
        config.put("headers.allow", "region,terminal,secret");
        config.put("headers.deny", "secret");
        config.put("enrich.eventId", "hash");
        try (AgentHarness harness = new AgentHarness(EnrichingKafkaSink.class.getName(), config, dir)) {
            harness.put(List.of(
                    EventBuilder.withBody(
                            utf8("same line"),
                            Map.of("region", "north", "terminal", "3", "secret", "s3cret", "other", "x")),
                    EventBuilder.withBody(utf8("same line"), Map.of("region", "south")),
                    EventBuilder.withBody(utf8("no region"), Map.of("terminal", "4"))));
            harness.drain(Duration.ofSeconds(60));
        }

        ConsumerRecord<byte[], byte[]> north = only("pos_north");
        ConsumerRecord<byte[], byte[]> south = only("pos_south");
        ConsumerRecord<byte[], byte[]> unrouted = only("pos_unrouted");
        assertEquals("no region", Records.value(unrouted));
        assertEquals("north", header(north, "region"));
        assertEquals("3", header(north, "terminal"));
        assertNull(header(north, "secret"), "denied even though allowed");
        assertNull(header(north, "other"), "not in the allow list");
        assertNotNull(header(north, "retail.event.id"));
        assertEquals(header(north, "retail.event.id"), header(south, "retail.event.id"), "same body, same hash id");
        assertEquals(64, header(north, "retail.event.id").length(), "SHA-256 in hex");
    }

    @Test
    void theFlumeEventFormatCarriesHeadersAndBody(@TempDir Path dir) throws Exception {
        KAFKA.createTopic("pos_flume_format", 1);
        Map<String, String> config = base("pos_flume_format");
        config.put("useFlumeEventFormat", "true");
        try (AgentHarness harness = new AgentHarness(EnrichingKafkaSink.class.getName(), config, dir)) {
            harness.put(List.of(EventBuilder.withBody(utf8("store=7 ok"), Map.of("basename", "pos.log"))));
            harness.drain(Duration.ofSeconds(60));
        }

        AvroFlumeEvent event = new SpecificDatumReader<>(AvroFlumeEvent.class)
                .read(
                        null,
                        DecoderFactory.get()
                                .binaryDecoder(only("pos_flume_format").value(), null));

        Map<String, String> headers = new HashMap<>();
        event.getHeaders().forEach((k, v) -> headers.put(k.toString(), v.toString())); // Avro reads Utf8 keys
        assertEquals("pos.log", headers.get("basename"));
        ByteBuffer body = event.getBody();
        assertEquals("store=7 ok", StandardCharsets.UTF_8.decode(body).toString());
    }

    @Test
    void eachChannelBatchIsStampedWithTheTimeTheSinkTookIt(@TempDir Path dir) throws Exception {
        KAFKA.createTopic("pos_ingest_times", 1);
        long firstTaken;
        long firstDone;
        long secondTaken;
        long secondDone;
        try (AgentHarness harness =
                new AgentHarness(EnrichingKafkaSink.class.getName(), base("pos_ingest_times"), dir)) {
            firstTaken = System.currentTimeMillis(); // the agent's sink may take them as soon as they are in
            harness.put(SinkHarness.lines("first", 2, Map.of()));
            harness.drain(Duration.ofSeconds(60));
            firstDone = System.currentTimeMillis();
            // the sink keeps the last stamp's text: the second batch must not reuse the first one's
            Conditions.await("the clock moved on", Duration.ofSeconds(5), () -> System.currentTimeMillis() > firstDone);
            secondTaken = System.currentTimeMillis();
            harness.put(SinkHarness.lines("second", 2, Map.of()));
            harness.drain(Duration.ofSeconds(60));
            secondDone = System.currentTimeMillis();
        }

        List<ConsumerRecord<byte[], byte[]>> records =
                KAFKA.consumeUntil("pos_ingest_times", 4, Duration.ofSeconds(30));
        assertEquals(4, records.size());
        List<Long> stamps = records.stream()
                .map(record -> Long.parseLong(header(record, "retail.ingest.ts")))
                .toList();
        assertEquals(stamps.get(0), stamps.get(1), "one stamp per batch");
        assertEquals(stamps.get(2), stamps.get(3), "one stamp per batch");
        assertTrue(stamps.get(0) >= firstTaken && stamps.get(0) <= firstDone, stamps.toString());
        assertTrue(stamps.get(2) >= secondTaken && stamps.get(2) <= secondDone, stamps.toString());
    }

    private static ConsumerRecord<byte[], byte[]> only(String topic) {
        KAFKA.consumeUntil(topic, 1, Duration.ofSeconds(30));
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.consumeAll(topic, Duration.ofSeconds(30));
        assertEquals(1, records.size(), topic);
        return records.get(0);
    }

    private static Map<String, String> base(String topic) {
        Map<String, String> c = new HashMap<>();
        c.put("kafka.bootstrap.servers", KAFKA.bootstrapServers());
        c.put("kafka.topic", topic);
        return c;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
