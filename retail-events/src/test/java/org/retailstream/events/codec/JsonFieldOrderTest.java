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

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.topics.RetailTopic;

/** The streaming JSON decoder reads fields in any order and skips fields it does not know, however nested. */
class JsonFieldOrderTest {

    private final EventCodec<CheckoutEvent> codec =
            EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);

    @Test
    void fieldsInAnyOrderAndUnknownNestedFieldsDecodeToTheSameEvent() {
        CheckoutEvent event = EventCodecRoundTripTest.checkout();
        String json = new String(codec.encode(event, WireFormat.JSON), StandardCharsets.UTF_8);
        String reordered = "{\"extra\":{\"a\":[1,2,{\"b\":[3]}],\"c\":null},"
                + json.substring(json.indexOf("\"order_id\""), json.length() - 1) + ","
                + json.substring(1, json.indexOf("\"order_id\"") - 1)
                + ",\"lines_v2\":[{\"x\":1}]}";

        CheckoutEvent decoded = codec.decode(reordered.getBytes(StandardCharsets.UTF_8));

        assertEquals(event, decoded, reordered);
    }
}
