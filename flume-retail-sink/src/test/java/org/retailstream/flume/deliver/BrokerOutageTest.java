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
import static org.retailstream.flume.support.Records.value;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.Sink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.retailstream.flume.EnrichingKafkaSink;
import org.retailstream.flume.support.SinkHarness;
import org.retailstream.testkit.KafkaBrokerExtension;

/** The broker becomes unreachable before and during delivery: events wait in the channel, none is lost. */
class BrokerOutageTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().behindProxy();

    private static final int EVENTS = 2_000;
    private static final int BATCH = 200;

    @ParameterizedTest(name = "transactions={0}")
    @ValueSource(booleans = {false, true})
    void nothingIsLostWhenTheBrokerIsDownAtStartAndMidStream(boolean transactions) throws Exception {
        String topic = "outage_" + transactions;
        KAFKA.createTopic(topic, 3);
        try (SinkHarness harness = new SinkHarness(new EnrichingKafkaSink(), config(topic, transactions))) {
            harness.put(SinkHarness.lines(topic + "-", EVENTS, Map.of()));

            KAFKA.broker().cutNetwork(); // down at start
            assertThrows(EventDeliveryException.class, () -> harness.sink().process());
            assertEquals(EVENTS, harness.eventsInChannel(), "a failed batch stays in the channel");

            KAFKA.broker().restoreNetwork();
            for (int i = 0; i < 3; i++) {
                assertEquals(Sink.Status.READY, harness.sink().process());
            }
            KAFKA.broker().cutNetwork(); // down mid-stream
            assertThrows(EventDeliveryException.class, () -> harness.sink().process());
            assertEquals(EVENTS - 3 * BATCH, harness.eventsInChannel());

            KAFKA.broker().restoreNetwork();
            harness.drainRetrying(Duration.ofSeconds(90));
        }

        KAFKA.consumeUntil(topic, EVENTS, Duration.ofSeconds(60));
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.consumeAll(topic, Duration.ofSeconds(30));
        Set<String> expected = new HashSet<>(SinkHarness.lines(topic + "-", EVENTS, Map.of()).stream()
                .map(e -> new String(e.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .toList());
        assertEquals(expected, records.stream().map(r -> value(r)).collect(Collectors.toSet()), "nothing lost");
        if (transactions) {
            assertEquals(EVENTS, records.size(), "no duplicates under read_committed");
        }
    }

    private static Map<String, String> config(String topic, boolean transactions) {
        Map<String, String> c = new HashMap<>();
        c.put("kafka.bootstrap.servers", KAFKA.bootstrapServers());
        c.put("kafka.topic", topic);
        c.put("flumeBatchSize", Integer.toString(BATCH));
        c.put("kafka.transactions", Boolean.toString(transactions));
        c.put("kafka.transactionalId", "outage-" + topic);
        // Give up on an unreachable broker within seconds instead of the default two minutes.
        c.put("kafka.producer.delivery.timeout.ms", "4000");
        c.put("kafka.producer.request.timeout.ms", "1500");
        c.put("kafka.producer.max.block.ms", "4000");
        c.put("kafka.producer.transaction.timeout.ms", "10000");
        return c;
    }
}
