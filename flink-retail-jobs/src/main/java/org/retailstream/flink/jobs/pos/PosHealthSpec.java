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

import java.util.List;
import org.retailstream.flink.job.JobOption;
import org.retailstream.flink.job.JobSpec;

/** Name and options of the pos-health job. */
public final class PosHealthSpec {

    public static final String WINDOW = "window";
    public static final String MAX_ERROR_RATE = "max-error-rate";
    public static final String MIN_LINES = "min-lines";

    public static final JobSpec SPEC = new JobSpec(
            "pos-health",
            "pos_logs (Flume, raw lines + headers) -> pos_health: DEGRADED (error rate), SILENT (no lines) and"
                    + " recovered-OK per store and terminal per window",
            List.of(
                    new JobOption(WINDOW, "5min", "Event-time window the error rate and silence are judged over."),
                    new JobOption(
                            MAX_ERROR_RATE, "0.2", "Share of ERROR/FATAL lines above which a terminal is DEGRADED."),
                    new JobOption(MIN_LINES, "5", "Lines a window needs before its error rate is judged.")),
            "org.retailstream.flink.jobs.pos.PosHealthJob");

    private PosHealthSpec() {}
}
