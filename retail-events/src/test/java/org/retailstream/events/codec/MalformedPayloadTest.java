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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.topics.RetailTopic;

class MalformedPayloadTest {

    private final EventCodec<CheckoutEvent> codec =
            EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);

    private static final String VALID = "{\"event_id\":\"e\",\"event_time\":\"2026-11-24T10:00:00Z\","
            + "\"order_id\":\"o\",\"user_id\":\"u\",\"payment_status\":\"DECLINED\",\"total_amount\":10.5,"
            + "\"country\":\"FR\",\"lines\":[]}";

    @Test
    void theValidBaselineDecodes() {
        CheckoutEvent event = codec.decode(utf8(VALID));
        assertEquals("FR", event.getCountry());
        assertEquals(new java.math.BigDecimal("10.5000"), event.getTotalAmount());
        assertEquals(1, event.getPaymentAttempt(), "missing field takes the schema default");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "invalid JSON | {\"event_id\": | invalid JSON",
                "trailing garbage | " + "{\"event_id\":\"e\"} x | invalid JSON",
                "missing required field | {\"event_id\":\"e\"} | field 'event_time': missing",
                "wrong type | REPLACE:\"total_amount\":10.5>\"total_amount\":true | field 'total_amount': expected a decimal",
                "bad timestamp | REPLACE:2026-11-24T10:00:00Z>yesterday | field 'event_time': expected an ISO-8601",
                "money rounded | REPLACE:10.5>10.12345 | field 'total_amount': 10.12345 has more than 4 decimal places",
                "nested field | REPLACE:\"lines\":[]>\"lines\":[{\"sku\":1}] | field 'lines[0].category': missing",
                "not an object | [1,2] | neither a JSON object nor Avro",
                "plain text | ERROR terminal 3 | neither a JSON object nor Avro",
            })
    void malformedJsonNamesTopicSchemaAndProblem(String name, String payload, String expectedProblem) {
        String json = payload.startsWith("REPLACE:") ? replaceInValid(payload.substring(8)) : payload;

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> codec.decode(utf8(json)));

        assertEquals("checkout_events", e.topic());
        assertEquals("org.retailstream.events.model.CheckoutEvent", e.schemaName());
        assertTrue(
                e.getMessage()
                        .startsWith("Cannot decode a record of topic 'checkout_events' as "
                                + "org.retailstream.events.model.CheckoutEvent: "),
                e.getMessage());
        assertTrue(e.getMessage().contains(expectedProblem), e.getMessage());
    }

    @Test
    void emptyPayloadIsMalformed() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> codec.decode(new byte[0]));
        assertTrue(e.getMessage().contains("An empty payload is neither"), e.getMessage());
    }

    @Test
    void avroWithUnknownFingerprintIsMalformed() {
        byte[] avro = codec.encode(EventCodecRoundTripTest.checkout(), WireFormat.AVRO_SINGLE_OBJECT);
        avro[5] ^= 0x7F; // corrupt the fingerprint

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> codec.decode(avro));
        assertTrue(e.getMessage().contains("unknown schema"), e.getMessage());
        assertEquals("checkout_events", e.topic());
    }

    @Test
    void truncatedAvroIsMalformed() {
        byte[] avro = codec.encode(EventCodecRoundTripTest.checkout(), WireFormat.AVRO_SINGLE_OBJECT);
        byte[] truncated = Arrays.copyOf(avro, 20);

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> codec.decode(truncated));
        assertTrue(e.getMessage().contains("does not match the schema"), e.getMessage());
    }

    @Test
    void anotherTopicsRecordIsMalformedNotMisread() {
        EventCodec<org.retailstream.events.model.ClickEvent> clicks =
                EventCodec.forTopic(RetailTopic.USER_CLICKSTREAM, org.retailstream.events.model.ClickEvent.class);
        byte[] avro = codec.encode(EventCodecRoundTripTest.checkout(), WireFormat.AVRO_SINGLE_OBJECT);

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> clicks.decode(avro));
        assertEquals("user_clickstream", e.topic());
    }

    private static String replaceInValid(String spec) {
        String[] parts = spec.split(">", 2);
        String replaced = VALID.replace(parts[0].trim(), parts[1].trim());
        if (replaced.equals(VALID)) {
            throw new IllegalStateException("test spec did not change the payload: " + spec);
        }
        return replaced;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
