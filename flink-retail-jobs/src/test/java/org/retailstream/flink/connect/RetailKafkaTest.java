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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.codec.WireFormat;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.testkit.KafkaBrokerExtension;

/** Typed sources decode both wire formats and dead-letter what they cannot decode, on a real cluster. */
class RetailKafkaTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @Test
    void decodesJsonAndAvroAndDeadLettersTheRestWithoutFailingTheJob() throws Exception {
        EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Set<String> expectedOrders = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            CheckoutEvent event = checkout("o-" + i);
            expectedOrders.add("o-" + i);
            WireFormat format = i % 2 == 0 ? WireFormat.JSON : WireFormat.AVRO_SINGLE_OBJECT;
            records.add(new ProducerRecord<>("checkout_events", utf8(event.getUserId()), codec.encode(event, format)));
        }
        List<String> garbage =
                List.of("not json", "{\"order_id\": 1", "{}", "{\"event_id\":\"e\",\"total_amount\":\"ten\"}");
        garbage.forEach(g -> records.add(new ProducerRecord<>("checkout_events", utf8("u-bad"), utf8(g))));
        KAFKA.produce(records);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        KafkaOptions options = KafkaOptions.of(KAFKA.bootstrapServers(), "connector-test")
                .withDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE);
        List<String> orders = new ArrayList<>();
        RetailKafka.read(
                        env,
                        RetailTopic.CHECKOUT_EVENTS,
                        CheckoutEvent.class,
                        e -> e.getEventTime().toEpochMilli(),
                        options,
                        "flink:test",
                        true)
                .map(CheckoutEvent::getOrderId)
                .returns(Types.STRING)
                .executeAndCollect()
                .forEachRemaining(orders::add);

        assertEquals(60, orders.size());
        assertEquals(expectedOrders, new HashSet<>(orders));
        List<ConsumerRecord<byte[], byte[]>> dead =
                KAFKA.consumeUntil("checkout_events_dlq", garbage.size(), Duration.ofSeconds(60));
        assertEquals(
                Set.copyOf(garbage),
                dead.stream()
                        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .collect(java.util.stream.Collectors.toSet()));
        for (ConsumerRecord<byte[], byte[]> letter : dead) {
            String error = header(letter, "retail.dlq.error");
            assertTrue(error.startsWith("Cannot decode a record of topic 'checkout_events'"), error);
            assertEquals("flink:test", header(letter, "retail.dlq.stage"));
            assertEquals("checkout_events", header(letter, "retail.dlq.source.topic"));
            assertEquals("u-bad", new String(letter.key(), StandardCharsets.UTF_8));
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static CheckoutEvent checkout(String orderId) {
        return CheckoutEvent.newBuilder()
                .setEventId("e-" + orderId)
                .setEventTime(Instant.parse("2026-11-24T10:00:00Z"))
                .setOrderId(orderId)
                .setUserId("u-" + orderId.hashCode() % 7)
                .setPaymentStatus(PaymentStatus.CAPTURED)
                .setTotalAmount(new BigDecimal("10.5000"))
                .setCountry("DE")
                .setLines(List.of())
                .build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
