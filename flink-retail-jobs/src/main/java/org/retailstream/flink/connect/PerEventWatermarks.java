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

import java.time.Duration;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks emitted after every event as well as periodically, so which
 * events are late does not depend on how fast the source reads (replays, backfills, tests).
 */
final class PerEventWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {

    PerEventWatermarks(Duration outOfOrderness) {
        super(outOfOrderness);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        super.onEvent(event, eventTimestamp, output);
        onPeriodicEmit(output);
    }
}
