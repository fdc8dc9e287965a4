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
package org.retailstream.events.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;
import org.retailstream.events.topics.RetailTopic;

class EventCodecRoundTripTest {

    @ParameterizedTest
    @EnumSource(RetailTopic.class)
    void everySchemaRoundTripsThroughJson(RetailTopic topic) {
        roundTrip(topic, WireFormat.JSON);
    }

    @ParameterizedTest
    @EnumSource(RetailTopic.class)
    void everySchemaRoundTripsThroughAvroSingleObject(RetailTopic topic) {
        roundTrip(topic, WireFormat.AVRO_SINGLE_OBJECT);
    }

    private static <T extends SpecificRecord> void roundTrip(RetailTopic topic, WireFormat format) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) topic.valueClass();
        EventCodec<T> codec = EventCodec.forTopic(topic, type);
        for (long seed = 1; seed <= 20; seed++) {
            T original = new SampleRecords(seed).fullyPopulated(type);

            byte[] bytes = codec.encode(original, format);

            assertEquals(format, WireFormat.detect(bytes).orElseThrow(), "detected format");
            assertEquals(original, codec.decode(bytes), topic + " seed " + seed);
        }
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void nullableFieldsAndEmptyArraysRoundTrip(WireFormat format) {
        EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
        CheckoutEvent event = CheckoutEvent.newBuilder(checkout())
                .setCartId(null)
                .setLines(List.of())
                .build();

        assertEquals(event, codec.decode(codec.encode(event, format)));
    }

    @org.junit.jupiter.api.Test
    void jsonIsPlainAndHumanReadable() throws Exception {
        EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);

        byte[] json = codec.encode(checkout());

        JsonNode tree = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json);
        assertEquals("2026-11-24T10:15:30.123Z", tree.get("event_time").textValue(), "ISO-8601 UTC time");
        assertEquals("AUTHORIZED", tree.get("payment_status").textValue(), "enum as its symbol");
        assertEquals("cart-9", tree.get("cart_id").textValue(), "nullable union without type wrapper");
        assertEquals(
                0, new BigDecimal("129.9").compareTo(tree.get("total_amount").decimalValue()), "money as a number");
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"total_amount\":129.9000"));
    }

    @org.junit.jupiter.api.Test
    void avroEncodingCarriesTheSchemaFingerprintInItsHeader() {
        EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);

        byte[] avro = codec.encode(checkout(), WireFormat.AVRO_SINGLE_OBJECT);

        assertArrayEquals(new byte[] {(byte) 0xC3, 0x01}, java.util.Arrays.copyOf(avro, 2));
        long fingerprint = java.nio.ByteBuffer.wrap(avro, 2, 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong();
        assertEquals(codec.fingerprint(), fingerprint);
        // Independently of the codec: the Avro spec's CRC-64-AVRO of the schema's canonical form.
        assertEquals(rabin(SchemaNormalization.toParsingForm(CheckoutEvent.getClassSchema())), fingerprint);
    }

    /** The 64-bit Rabin fingerprint exactly as the Avro specification writes it out ("Schema Fingerprints"). */
    private static long rabin(String canonicalForm) {
        final long empty = 0xc15d213aa4d7a795L;
        long[] table = new long[256];
        for (int i = 0; i < 256; i++) {
            long fp = i;
            for (int j = 0; j < 8; j++) {
                fp = (fp >>> 1) ^ (empty & -(fp & 1L));
            }
            table[i] = fp;
        }
        long fp = empty;
        for (byte b : canonicalForm.getBytes(StandardCharsets.UTF_8)) {
            fp = (fp >>> 8) ^ table[(int) (fp ^ b) & 0xff];
        }
        return fp;
    }

    @org.junit.jupiter.api.Test
    void defaultFormatCanBeAvro() {
        EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class)
                .withDefaultFormat(WireFormat.AVRO_SINGLE_OBJECT);

        assertEquals(
                WireFormat.AVRO_SINGLE_OBJECT,
                WireFormat.detect(codec.encode(checkout())).orElseThrow());
    }

    static CheckoutEvent checkout() {
        return CheckoutEvent.newBuilder()
                .setEventId("e-1")
                .setEventTime(Instant.parse("2026-11-24T10:15:30.123Z"))
                .setOrderId("o-1")
                .setUserId("u-1")
                .setCartId("cart-9")
                .setPaymentStatus(PaymentStatus.AUTHORIZED)
                .setTotalAmount(new BigDecimal("129.9000"))
                .setCountry("DE")
                .setLines(List.of(OrderLine.newBuilder()
                        .setSku("sku-1")
                        .setCategory("shoes")
                        .setQuantity(1)
                        .setUnitPrice(new BigDecimal("129.9000"))
                        .build()))
                .build();
    }
}
