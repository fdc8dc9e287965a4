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
package org.retailstream.stack.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people and Flink write them: 90s, 5min, 2m, 1h, 500ms (or ISO-8601, PT2M). */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*(ms|s|sec|m|min|h)");

    @Override
    public Duration convert(String text) {
        Matcher matcher = AMOUNT.matcher(text.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s", "sec" -> Duration.ofSeconds(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a duration; write e.g. 90s, 5min or 1h");
        }
    }
}
