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
package org.retailstream.flume.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.flume.event.EventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retailstream.flume.EnrichingKafkaSink;
import org.retailstream.flume.support.AgentHarness;
import org.retailstream.flume.support.Records;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * Every record carries an event id, whatever the forwarding policy says about Flume headers: an
 * upstream id is kept, an event without one gets a new one, and the id header appears once.
 */
class EventIdUnderEveryForwardingPolicyTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    private static final String ID = "retail.event.id";

    @ParameterizedTest(name = "headers.forward={0} allow={1} deny={2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "all,  -,                -",
                "none, -,                -",
                "all,  terminal,         -",
                "all,  -,                retail.event.id",
                "all,  retail.event.id,  retail.event.id"
            })
    void anUpstreamIdIsKeptAndAMissingOneIsMade(String forward, String allow, String deny, @TempDir Path dir)
            throws Exception {
        String topic = ("ids_" + forward + "_" + allow + "_" + deny).replaceAll("[^A-Za-z0-9_]", "_");
        KAFKA.createTopic(topic, 1);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", KAFKA.bootstrapServers());
        config.put("kafka.topic", topic);
        config.put("headers.forward", forward);
        if (allow != null) {
            config.put("headers.allow", allow);
        }
        if (deny != null) {
            config.put("headers.deny", deny);
        }
        try (AgentHarness harness = new AgentHarness(EnrichingKafkaSink.class.getName(), config, dir)) {
            harness.put(List.of(
                    EventBuilder.withBody(utf8("with an upstream id"), Map.of(ID, "upstream-42", "terminal", "3")),
                    EventBuilder.withBody(utf8("without an id"), Map.of("terminal", "4")),
                    EventBuilder.withBody(utf8("without an id"), Map.of("terminal", "5"))));
            harness.drain(Duration.ofSeconds(60));
        }

        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.consumeUntil(topic, 3, Duration.ofSeconds(30));
        assertEquals(3, records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            long ids = StreamSupport.stream(record.headers().headers(ID).spliterator(), false)
                    .count();
            assertEquals(1, ids, "one id header on '" + Records.value(record) + "'");
        }
        assertEquals("upstream-42", Records.header(records.get(0), ID), "the upstream id is kept");
        String made = Records.header(records.get(1), ID);
        assertNotNull(made, "an event without an id gets one");
        assertNotEquals(made, Records.header(records.get(2), ID), "uuid ids are unique per event");
        assertNotEquals("upstream-42", made);
        if (forward.equals("none")) {
            assertNull(Records.header(records.get(0), "terminal"), "other headers still follow the policy");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
