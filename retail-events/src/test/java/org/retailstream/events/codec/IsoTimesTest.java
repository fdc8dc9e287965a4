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

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-28T09:15:00Z",
                "2026-11-28T09:15:00.123Z",
                "2024-02-29T23:59:59.999Z",
                "1969-12-31T23:59:59Z",
                "2026-11-28T10:15:00+01:00",
                "2026-11-28T09:15:00.5Z",
                "2026-11-28T04:15:00.000-05:00"
            })
    void agreesWithTheFullParser(String text) {
        assertEquals(OffsetDateTime.parse(text).toInstant().toEpochMilli(), IsoTimes.toEpochMillis(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T09:15:00Z",
                "2026-11-28T25:15:00Z",
                "2026-11-28 09:15:00Z",
                "yesterday",
                "2026-1x-28T09:15:00Z"
            })
    void rejectsWhatTheFullParserRejects(String text) {
        assertThrows(DateTimeParseException.class, () -> IsoTimes.toEpochMillis(text));
    }
}
