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
package org.retailstream.stack.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.topics.EnrichmentHeaders;
import org.retailstream.testkit.KafkaBrokerExtension;

/** The duplicate count of the reconciliation, against a real broker. */
class RepeatsTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @Test
    void aLineDeliveredAgainIsCountedByItsEventIdFromTheRunsStartOnly() throws Exception {
        KAFKA.createTopic("lines", 1);
        KAFKA.produce(List.of(line("a"), line("b"))); // an earlier run
        KAFKA.produce(List.of(line("c"), line("a"), line("d"), line("c"), line("e")));
        TopicPartition partition = new TopicPartition("lines", 0);

        long fromTheStart =
                Repeats.count(KAFKA.bootstrapServers(), Map.of(), Map.of(partition, 7L), Identities.eventId());
        long thisRun = Repeats.count(
                KAFKA.bootstrapServers(), Map.of(partition, 2L), Map.of(partition, 7L), Identities.eventId());

        assertEquals(2, fromTheStart, "a and c came twice");
        assertEquals(1, thisRun, "only c repeats within this run; a's first copy was an earlier run's");
    }

    @Test
    void aValueIsARepeatOnlyOfTheLastOneOfItsKey() throws Exception {
        KAFKA.createTopic("prices", 1);
        KAFKA.produce(List.of(price("A", "1"), price("A", "2"), price("A", "1"), price("B", "1"), price("A", "1")));

        long repeats = Repeats.count(
                KAFKA.bootstrapServers(),
                Map.of(),
                Map.of(new TopicPartition("prices", 0), 5L),
                record -> new Repeats.Identity(
                        new String(record.key(), StandardCharsets.UTF_8),
                        new String(record.value(), StandardCharsets.UTF_8)));

        assertEquals(1, repeats, "A back to 1 after 2 is a change; A at 1 again right after is a repeat");
    }

    @Test
    void lostCountsDistinctRecordsSoADuplicateCannotHideALoss() {
        Reconciliation.PathLine path = new Reconciliation.PathLine("POS logs -> Flume", "pos_logs", 10, 0, 12, 0, 3);
        assertEquals(1, path.lost(), "10 written, 9 distinct in Kafka");
        assertEquals(0, path.extra());
        Reconciliation.PathLine leftOver = new Reconciliation.PathLine("web", "user_clickstream", 10, 0, 13, 0, 1);
        assertEquals(0, leftOver.lost());
        assertEquals(2, leftOver.extra(), "12 distinct: two an earlier run wrote");
    }

    private static ProducerRecord<byte[], byte[]> line(String id) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>("lines", null, ("line " + id).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EnrichmentHeaders.EVENT_ID, id.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ProducerRecord<byte[], byte[]> price(String sku, String price) {
        return new ProducerRecord<>(
                "prices", sku.getBytes(StandardCharsets.UTF_8), price.getBytes(StandardCharsets.UTF_8));
    }
}
