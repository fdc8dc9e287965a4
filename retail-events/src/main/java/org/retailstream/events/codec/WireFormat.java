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

import java.util.Optional;

/** How a record value is encoded on a Kafka topic. */
public enum WireFormat {
    /** UTF-8 JSON object, field names as in the Avro schema. Human-readable; the default. */
    JSON,
    /**
     * Avro binary with Avro's single-object encoding: two marker bytes {@code C3 01}, the 8-byte
     * CRC-64-AVRO fingerprint of the writer schema, then the binary record. No registry needed.
     */
    AVRO_SINGLE_OBJECT;

    private static final byte AVRO_MARKER_0 = (byte) 0xC3;
    private static final byte AVRO_MARKER_1 = (byte) 0x01;

    /**
     * Tells which encoding a payload uses from its first bytes, or empty if it is neither. JSON is
     * recognised by its first non-whitespace byte being '{' (after an optional UTF-8 byte order mark).
     */
    public static Optional<WireFormat> detect(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return Optional.empty();
        }
        if (payload.length >= 2 && payload[0] == AVRO_MARKER_0 && payload[1] == AVRO_MARKER_1) {
            return Optional.of(AVRO_SINGLE_OBJECT);
        }
        int i = startsWithUtf8Bom(payload) ? 3 : 0;
        while (i < payload.length && isJsonWhitespace(payload[i])) {
            i++;
        }
        return i < payload.length && payload[i] == '{' ? Optional.of(JSON) : Optional.empty();
    }

    /** Parses a user-facing name such as {@code json} or {@code avro}. */
    public static WireFormat fromName(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> JSON;
            case "avro", "avro_single_object", "avro-single-object" -> AVRO_SINGLE_OBJECT;
            default ->
                throw new IllegalArgumentException("Unknown wire format '" + name + "'; expected one of: json, avro");
        };
    }

    private static boolean startsWithUtf8Bom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    private static boolean isJsonWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
