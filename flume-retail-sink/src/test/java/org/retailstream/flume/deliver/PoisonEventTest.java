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
package org.retailstream.flume.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailstream.flume.support.Records.header;
import static org.retailstream.flume.support.Records.value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flume.Event;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.event.EventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.flume.EnrichingKafkaSink;
import org.retailstream.flume.support.AgentHarness;
import org.retailstream.flume.support.SinkHarness;
import org.retailstream.testkit.KafkaBrokerExtension;

/** Events Kafka will never accept neither block the channel nor vanish. */
class PoisonEventTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    private static final int MAX_REQUEST = 20_000;

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithTheErrorAndTheRestIsDelivered(@TempDir Path dir) throws Exception {
        KAFKA.createTopic("poison_dl", 1);
        KAFKA.createTopic("poison_dl_dlq", 1);
        try (AgentHarness harness =
                new AgentHarness(EnrichingKafkaSink.class.getName(), config("poison_dl", "deadLetter", false), dir)) {
            harness.put(batch("dl"));

            harness.drain(Duration.ofSeconds(60));

            assertGoodEventsDelivered("poison_dl", "dl", 1);
            KAFKA.consumeUntil("poison_dl_dlq", 2, Duration.ofSeconds(30));
            List<ConsumerRecord<byte[], byte[]>> dead = KAFKA.consumeAll("poison_dl_dlq", Duration.ofSeconds(30));
            assertDeadLetters(dead, "poison_dl");
            assertEquals(2, harness.sinkCounter("DeadLetterCount"));
            assertEquals(0, harness.eventsInChannel());
        }
    }

    @Test
    void withTransactionsTheGoodEventsAreCommittedExactlyOnceBesideTheDeadLetters(@TempDir Path dir) throws Exception {
        KAFKA.createTopic("poison_tx", 1);
        KAFKA.createTopic("poison_tx_dlq", 1);
        try (AgentHarness harness =
                new AgentHarness(EnrichingKafkaSink.class.getName(), config("poison_tx", "deadLetter", true), dir)) {
            harness.put(batch("tx"));

            harness.drain(Duration.ofSeconds(60));

            assertGoodEventsDelivered("poison_tx", "tx", 1);
            KAFKA.consumeUntil("poison_tx_dlq", 2, Duration.ofSeconds(30));
            assertDeadLetters(KAFKA.consumeAll("poison_tx_dlq", Duration.ofSeconds(30)), "poison_tx");
        }
    }

    // Stepped by hand: what shows that the sink stops is what process() throws, call after call.
    @Test
    void withTheStopPolicyTheSinkKeepsEveryEventInTheChannelAndStops() throws Exception {
        KAFKA.createTopic("poison_stop", 1);
        try (SinkHarness harness = new SinkHarness(new EnrichingKafkaSink(), config("poison_stop", "stop", false))) {
            harness.put(batch("stop"));

            EventDeliveryException first = assertThrows(
                    EventDeliveryException.class, () -> harness.sink().process());
            EventDeliveryException again = assertThrows(
                    EventDeliveryException.class, () -> harness.sink().process());

            assertTrue(first.getMessage().contains("poison.policy=stop keeps it in the channel"), first.getMessage());
            assertTrue(again.getMessage().contains("is stopped by a poison event"), again.getMessage());
            assertEquals(12, harness.eventsInChannel(), "nothing left the channel");
        }
    }

    /** Ten good events around an event too large for max.request.size and one with a garbage partition header. */
    private static List<Event> batch(String prefix) {
        List<Event> events = new ArrayList<>(SinkHarness.lines(prefix + "-good-", 5, Map.of()));
        events.add(EventBuilder.withBody(new byte[MAX_REQUEST + 5_000], Map.of("origin", "scanner")));
        events.add(EventBuilder.withBody(utf8(prefix + "-bad-partition"), Map.of("partition", "first")));
        events.addAll(SinkHarness.lines(prefix + "-good-", 10, Map.of()).subList(5, 10));
        return events;
    }

    private static void assertGoodEventsDelivered(String topic, String prefix, int maxPerValue) {
        KAFKA.consumeUntil(topic, 10, Duration.ofSeconds(30));
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.consumeAll(topic, Duration.ofSeconds(30));
        Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            expected.add(prefix + "-good-" + i);
        }
        assertEquals(expected, records.stream().map(r -> value(r)).collect(Collectors.toSet()));
        assertEquals(10 * maxPerValue, records.size(), "no duplicates");
    }

    private static void assertDeadLetters(List<ConsumerRecord<byte[], byte[]>> dead, String topic) {
        assertEquals(2, dead.size());
        ConsumerRecord<byte[], byte[]> tooLarge = dead.stream()
                .filter(r -> "scanner".equals(header(r, "origin")))
                .findFirst()
                .orElseThrow();
        assertTrue(
                header(tooLarge, "retail.dlq.error").contains("RecordTooLargeException"),
                header(tooLarge, "retail.dlq.error"));
        assertEquals(topic, header(tooLarge, "retail.dlq.source.topic"));
        assertEquals("flume:k1", header(tooLarge, "retail.dlq.stage"));
        assertEquals("true", header(tooLarge, "retail.dlq.truncated"));
        assertEquals(Integer.toString(MAX_REQUEST + 5_000), header(tooLarge, "retail.dlq.original.bytes"));
        assertEquals(MAX_REQUEST / 2, tooLarge.value().length);

        ConsumerRecord<byte[], byte[]> badHeader = dead.stream()
                .filter(r -> "first".equals(header(r, "partition")))
                .findFirst()
                .orElseThrow();
        assertTrue(
                header(badHeader, "retail.dlq.error")
                        .contains("header partition must hold a partition number, got 'first'"),
                header(badHeader, "retail.dlq.error"));
        assertTrue(value(badHeader).endsWith("-bad-partition"));
    }

    private static Map<String, String> config(String topic, String policy, boolean transactions) {
        Map<String, String> c = new HashMap<>();
        c.put("kafka.bootstrap.servers", KAFKA.bootstrapServers());
        c.put("kafka.topic", topic);
        c.put("flumeBatchSize", "100");
        c.put("partitionIdHeader", "partition");
        c.put("poison.policy", policy);
        c.put("kafka.transactions", Boolean.toString(transactions));
        c.put("kafka.transactionalId", "poison-test-" + topic);
        c.put("kafka.producer.max.request.size", Integer.toString(MAX_REQUEST));
        return c;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
