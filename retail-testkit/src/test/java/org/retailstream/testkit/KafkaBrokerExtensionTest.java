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
package org.retailstream.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.topics.RetailTopic;

class KafkaBrokerExtensionTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    @Test
    void everyCatalogueTopicAndItsDeadLetterTopicExistsWithLeaders() throws Exception {
        List<String> names = new ArrayList<>();
        for (RetailTopic topic : RetailTopic.values()) {
            names.add(topic.topicName());
            names.add(topic.deadLetterTopicName());
        }

        Map<String, TopicDescription> described =
                KAFKA.admin().describeTopics(names).allTopicNames().get();

        assertEquals(names.size(), described.size());
        for (RetailTopic topic : RetailTopic.values()) {
            TopicDescription description = described.get(topic.topicName());
            assertEquals(topic.partitions(), description.partitions().size(), topic.topicName());
            assertTrue(description.partitions().stream().allMatch(p -> p.leader() != null), topic.topicName());
        }
    }

    @Test
    void producedRecordsAreConsumedInOrderPerPartition() throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(new ProducerRecord<>("cart_updates", utf8("user-" + (i % 7)), utf8("v" + i)));
        }

        KAFKA.produce(records);
        List<ConsumerRecord<byte[], byte[]>> consumed = KAFKA.consumeUntil("cart_updates", 500, Duration.ofSeconds(30));

        assertEquals(500, consumed.size());
        Map<String, List<Integer>> perUser = consumed.stream()
                .collect(Collectors.groupingBy(
                        r -> text(r.key()),
                        Collectors.mapping(r -> Integer.parseInt(text(r.value()).substring(1)), Collectors.toList())));
        perUser.values().forEach(seq -> assertEquals(seq.stream().sorted().toList(), seq, "per-key order kept"));
    }

    @Test
    void consumeUntilReadsOnlyCommittedTransactions() throws Exception {
        Properties props = KAFKA.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-tx");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("fraud_alerts", utf8("aborted")));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("fraud_alerts", utf8("committed")));
            producer.commitTransaction();
        }

        List<ConsumerRecord<byte[], byte[]>> consumed = KAFKA.consumeUntil("fraud_alerts", 1, Duration.ofSeconds(30));

        assertEquals(
                List.of("committed"),
                consumed.stream().map(r -> text(r.value())).toList());
    }

    @Test
    void consumeAllReturnsEveryCommittedRecordIncludingDuplicates() throws Exception {
        List<ProducerRecord<byte[], byte[]>> twice = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            twice.add(new ProducerRecord<>("inventory_updates", utf8("sku-1"), utf8("same")));
        }
        KAFKA.produce(twice);

        assertEquals(
                2, KAFKA.consumeAll("inventory_updates", Duration.ofSeconds(30)).size(), "the duplicate shows");
    }

    @Test
    void consumeUntilSaysHowManyArrivedWhenTooFewDo() throws Exception {
        KAFKA.produce(List.of(new ProducerRecord<>("pos_health", utf8("only one"))));

        AssertionError e =
                assertThrows(AssertionError.class, () -> KAFKA.consumeUntil("pos_health", 2, Duration.ofMillis(1500)));

        assertEquals(
                "Expected at least 2 records on pos_health within PT1.5S (read_committed) but got 1", e.getMessage());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
