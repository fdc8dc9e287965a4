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

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Where a job's Kafka sources start when it does not resume from a checkpoint or savepoint (which
 * always wins): the group's committed offsets (earliest where it has none), the earliest or latest
 * offsets, or the first offsets at or after a time. A backfill with {@code --bounded} over data the
 * group has already read needs {@code earliest} or a time, or it reads nothing.
 *
 * @param mode committed, earliest, latest or timestamp
 * @param timestampMillis for timestamp: epoch milliseconds
 */
public record StartingOffsets(Mode mode, long timestampMillis) implements Serializable {

    /** What {@code --starting-offsets} accepts. */
    public enum Mode {
        COMMITTED,
        EARLIEST,
        LATEST,
        TIMESTAMP
    }

    public static final StartingOffsets COMMITTED = new StartingOffsets(Mode.COMMITTED, 0);

    /**
     * Parses {@code committed}, {@code earliest}, {@code latest} or {@code timestamp:<when>}, when an
     * ISO-8601 instant ({@code 2026-11-20T10:00:00Z}) or epoch milliseconds.
     */
    public static StartingOffsets parse(String text, String option) {
        String value = text.trim();
        if (value.toLowerCase(Locale.ROOT).startsWith("timestamp:")) {
            return new StartingOffsets(
                    Mode.TIMESTAMP,
                    millis(value.substring("timestamp:".length()).trim(), option));
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "committed" -> COMMITTED;
            case "earliest" -> new StartingOffsets(Mode.EARLIEST, 0);
            case "latest" -> new StartingOffsets(Mode.LATEST, 0);
            default ->
                throw new IllegalArgumentException("--" + option
                        + " must be committed, earliest, latest or timestamp:<ISO-8601 instant or epoch ms>, got '"
                        + text + "'");
        };
    }

    private static long millis(String when, String option) {
        try {
            return when.chars().allMatch(Character::isDigit) && !when.isEmpty()
                    ? Long.parseLong(when)
                    : Instant.parse(when).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("--" + option
                    + " timestamp must be an ISO-8601 instant such as 2026-11-20T10:00:00Z or epoch milliseconds, got '"
                    + when + "'");
        }
    }

    /** The Kafka source's initializer for these offsets. */
    public OffsetsInitializer initializer() {
        return switch (mode) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case TIMESTAMP -> OffsetsInitializer.timestamp(timestampMillis);
        };
    }

    /** In words, for the line the jar prints before it submits a job. */
    public String describe(String groupId) {
        String start =
                switch (mode) {
                    case COMMITTED -> "the offsets committed by group " + groupId + " (earliest where it has none)";
                    case EARLIEST -> "the earliest offsets";
                    case LATEST -> "the latest offsets (only records written from now on)";
                    case TIMESTAMP -> "the first offsets at or after " + Instant.ofEpochMilli(timestampMillis);
                };
        return "Kafka sources start from " + start + ", unless the job resumes from a checkpoint or savepoint";
    }
}
