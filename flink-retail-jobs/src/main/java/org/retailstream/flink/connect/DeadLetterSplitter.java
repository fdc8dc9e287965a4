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

import java.time.Instant;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes valid records on and sends undecodable ones, and events the job can no longer use (see
 * {@link Lateness}), to the dead-letter side output as the records that were read.
 */
final class DeadLetterSplitter<T> extends ProcessFunction<Decoded<T>, T> {

    private static final long serialVersionUID = 1L;

    /** Side output of records for the dead-letter topic. */
    static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final String stage;
    private final RetailKafka.EventTime<T> eventTime;
    private final Lateness<T> lateness;

    DeadLetterSplitter(String stage, RetailKafka.EventTime<T> eventTime, Lateness<T> lateness) {
        this.stage = stage;
        this.eventTime = eventTime;
        this.lateness = lateness;
    }

    @Override
    public void processElement(Decoded<T> record, Context context, Collector<T> out) {
        if (!record.isValid()) {
            context.output(DEAD_LETTERS, new DeadLetter(record.raw(), record.error(), stage));
            return;
        }
        long time = eventTime.apply(record.value());
        long watermark = context.timerService().currentWatermark();
        if (lateness.isLate(record.value(), time, watermark)) {
            context.output(DEAD_LETTERS, new DeadLetter(record.raw(), lateError(time, watermark), stage));
        } else {
            out.collect(record.value());
        }
    }

    private static String lateError(long time, long watermark) {
        return "late: event time " + Instant.ofEpochMilli(time) + " is behind the watermark "
                + Instant.ofEpochMilli(watermark)
                + " by more than the job can use (its window, session or pattern is closed); not counted";
    }
}
