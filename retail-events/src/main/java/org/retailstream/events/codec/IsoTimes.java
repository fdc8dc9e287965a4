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

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Parses ISO-8601 times with an offset to epoch milliseconds. The common UTC shapes
 * ({@code 2026-11-28T09:15:00Z}, {@code 2026-11-28T09:15:00.123Z}) are read by position, which is
 * many times cheaper than a DateTimeFormatter and runs once per item; any other shape goes through
 * {@link OffsetDateTime#parse}, which also reports malformed input. Used by the codec and by the
 * NiFi processors, on every event they read.
 */
public final class IsoTimes {

    private IsoTimes() {}

    public static long toEpochMillis(String text) {
        int length = text.length();
        boolean utc = (length == 20 || length == 24) && text.charAt(length - 1) == 'Z';
        if (utc
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && (length == 20 || text.charAt(19) == '.')) {
            try {
                int year = digits(text, 0, 4);
                int month = digits(text, 5, 2);
                int day = digits(text, 8, 2);
                int hour = digits(text, 11, 2);
                int minute = digits(text, 14, 2);
                int second = digits(text, 17, 2);
                int millis = length == 24 ? digits(text, 20, 3) : 0;
                if (hour < 24 && minute < 60 && second < 60) {
                    long epochDay = LocalDate.of(year, month, day).toEpochDay();
                    return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
                }
            } catch (NumberFormatException | java.time.DateTimeException notThisShape) {
                // fall through to the full parser, which names the problem
            }
        }
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
