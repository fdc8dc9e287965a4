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
package org.retailstream.flink.jobs.pos;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.retailstream.events.model.LogLevel;
import org.retailstream.events.model.PosHealthAlert;
import org.retailstream.events.model.PosHealthStatus;
import org.retailstream.events.model.PosLogEntry;
import org.retailstream.flink.job.StateExpiry;

/**
 * Judges one terminal (key store|terminal) per event-time window. A window with too high an error
 * rate is DEGRADED; a window without lines after one with lines is SILENT (once, until the terminal
 * logs again); the first good window after either is OK again. Windows are counted in state keyed by
 * their start, so lines out of order within the watermark bound land in the right window.
 */
final class TerminalHealth extends KeyedProcessFunction<String, PosLogEntry, PosHealthAlert> {

    private static final long serialVersionUID = 1L;

    /** Lines whose window was already judged: dead-lettered by the job, never counted silently wrong. */
    static final org.apache.flink.util.OutputTag<PosLogEntry> LATE = new org.apache.flink.util.OutputTag<>(
            "late-lines", org.retailstream.flink.connect.EventTypeInfo.forEvent(PosLogEntry.class));

    private final long window;
    private final double maxErrorRate;
    private final int minLines;

    /** Window start -> {lines, errors}. */
    private transient MapState<Long, long[]> windows;

    private transient ValueState<String> lastStatus;
    private transient ValueState<Long> lastSeen;

    TerminalHealth(Duration window, double maxErrorRate, int minLines) {
        this.window = window.toMillis();
        this.maxErrorRate = maxErrorRate;
        this.minLines = minLines;
    }

    @Override
    public void open(OpenContext context) {
        var ttl = StateExpiry.after(Duration.ofDays(7));
        MapStateDescriptor<Long, long[]> counts =
                new MapStateDescriptor<>("windows", Types.LONG, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        counts.enableTimeToLive(ttl);
        ValueStateDescriptor<String> status = new ValueStateDescriptor<>("last-status", Types.STRING);
        status.enableTimeToLive(ttl);
        ValueStateDescriptor<Long> seen = new ValueStateDescriptor<>("last-seen", Types.LONG);
        seen.enableTimeToLive(ttl);
        windows = getRuntimeContext().getMapState(counts);
        lastStatus = getRuntimeContext().getState(status);
        lastSeen = getRuntimeContext().getState(seen);
    }

    @Override
    public void processElement(PosLogEntry line, Context context, Collector<PosHealthAlert> out) throws Exception {
        long time = line.getEventTime().toEpochMilli();
        long start = time - Math.floorMod(time, window);
        if (start + window - 1 <= context.timerService().currentWatermark()) {
            context.output(LATE, line);
            return;
        }
        long[] counts = windows.get(start);
        if (counts == null) {
            counts = new long[2];
            context.timerService().registerEventTimeTimer(start + window - 1);
        }
        counts[0]++;
        if (line.getLevel() == LogLevel.ERROR || line.getLevel() == LogLevel.FATAL) {
            counts[1]++;
        }
        windows.put(start, counts);
        Long seen = lastSeen.value();
        if (seen == null || time > seen) {
            lastSeen.update(time);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<PosHealthAlert> out) throws Exception {
        long start = timestamp + 1 - window;
        long[] counts = windows.get(start);
        String[] terminal = context.getCurrentKey().split("\\|", 2);
        if (counts == null) {
            if (!PosHealthStatus.SILENT.name().equals(lastStatus.value())) {
                emit(out, terminal, start, PosHealthStatus.SILENT, 0, 0, "no log lines for a whole window");
            }
            return;
        }
        windows.remove(start);
        double rate = (double) counts[1] / counts[0];
        if (counts[0] >= minLines && rate > maxErrorRate) {
            emit(
                    out,
                    terminal,
                    start,
                    PosHealthStatus.DEGRADED,
                    counts[0],
                    counts[1],
                    "error rate %.2f above %.2f".formatted(rate, maxErrorRate));
        } else if (lastStatus.value() != null && !PosHealthStatus.OK.name().equals(lastStatus.value())) {
            emit(out, terminal, start, PosHealthStatus.OK, counts[0], counts[1], "recovered");
        }
        if (!hasLaterWindow(start)) {
            // Watch the next window for silence.
            context.timerService().registerEventTimeTimer(start + 2 * window - 1);
        }
    }

    private boolean hasLaterWindow(long start) throws Exception {
        Iterator<Map.Entry<Long, long[]>> entries = windows.iterator();
        while (entries.hasNext()) {
            if (entries.next().getKey() > start) {
                return true;
            }
        }
        return false;
    }

    private void emit(
            Collector<PosHealthAlert> out,
            String[] terminal,
            long start,
            PosHealthStatus status,
            long lines,
            long errors,
            String reason)
            throws Exception {
        lastStatus.update(status.name());
        Long seen = lastSeen.value();
        out.collect(PosHealthAlert.newBuilder()
                .setStoreId(terminal[0])
                .setTerminalId(terminal[1])
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + window))
                .setStatus(status)
                .setLineCount(lines)
                .setErrorCount(errors)
                .setErrorRate(lines == 0 ? 0.0 : (double) errors / lines)
                .setLastSeenAt(seen == null ? null : Instant.ofEpochMilli(seen))
                .setReason(reason)
                .build());
    }
}
