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

/**
 * When a job can no longer use an event, decided where the record is read, against its source's
 * watermark: a late event then goes to the input's dead-letter topic as the very record that was
 * read (key, value, source partition and offset), so it can be replayed.
 *
 * <p>Why at the source: every later operator's watermark is at most the source's (it is the minimum
 * over its inputs, and a record travels behind the watermarks its source emitted before it), so an
 * event the source lets through is never late downstream. The operators' own late outputs stay as a
 * safety net for what this cannot see (a source that resumes from idleness behind the others).
 */
@FunctionalInterface
public interface Lateness<T> extends Serializable {

    /**
     * True if {@code event}, with event time {@code eventTime}, can no longer be used once the
     * watermark is {@code watermark} (its window, session or pattern is closed).
     */
    boolean isLate(T event, long eventTime, long watermark);

    /** Events behind the watermark: what a pattern or a per-event timer can no longer order. */
    static <T> Lateness<T> behindTheWatermark() {
        return (event, eventTime, watermark) -> eventTime <= watermark;
    }

    /** Events whose tumbling window of {@code sizeMillis}, plus {@code allowedLatenessMillis}, is closed. */
    static <T> Lateness<T> windowClosed(long sizeMillis, long allowedLatenessMillis) {
        return (event, eventTime, watermark) -> {
            long windowEnd = eventTime - Math.floorMod(eventTime, sizeMillis) + sizeMillis;
            return windowEnd - 1 + allowedLatenessMillis <= watermark;
        };
    }

    /** Never late at the source: the job decides lateness itself. */
    static <T> Lateness<T> never() {
        return (event, eventTime, watermark) -> false;
    }
}
