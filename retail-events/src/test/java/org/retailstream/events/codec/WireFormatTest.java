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

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void detectsJsonObjectsEvenWithLeadingWhitespaceOrByteOrderMark() {
        assertEquals(Optional.of(WireFormat.JSON), WireFormat.detect(utf8("{\"a\":1}")));
        assertEquals(Optional.of(WireFormat.JSON), WireFormat.detect(utf8(" \r\n\t{}")));
        assertEquals(Optional.of(WireFormat.JSON), WireFormat.detect(utf8("\uFEFF{}")));
    }

    @Test
    void detectsAvroSingleObjectMarker() {
        byte[] header = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals(Optional.of(WireFormat.AVRO_SINGLE_OBJECT), WireFormat.detect(header));
    }

    @Test
    void detectsNeitherForOtherPayloads() {
        assertEquals(Optional.empty(), WireFormat.detect(new byte[0]));
        assertEquals(Optional.empty(), WireFormat.detect(null));
        assertEquals(Optional.empty(), WireFormat.detect(utf8("[1,2]")));
        assertEquals(Optional.empty(), WireFormat.detect(utf8("2026-11-24 ERROR store 7 terminal 3")));
        assertEquals(Optional.empty(), WireFormat.detect(new byte[] {(byte) 0xC3}));
        assertEquals(Optional.empty(), WireFormat.detect(new byte[] {(byte) 0xC3, 0x02, 0}));
    }

    @Test
    void parsesUserFacingNames() {
        assertEquals(WireFormat.JSON, WireFormat.fromName(" JSON "));
        assertEquals(WireFormat.AVRO_SINGLE_OBJECT, WireFormat.fromName("avro"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WireFormat.fromName("xml"));
        assertEquals("Unknown wire format 'xml'; expected one of: json, avro", e.getMessage());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
