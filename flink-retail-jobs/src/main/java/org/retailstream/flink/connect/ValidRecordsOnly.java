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

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Lets only decoded records reach a partition's watermark generator. An undecodable record has no
 * event time, so it must not move the watermark; and it must not count as activity either, or a
 * partition that receives nothing but undecodable records (keyless bad lines all land on one
 * partition) is never idle and holds the job's watermark at its start for good.
 */
final class ValidRecordsOnly<T> implements WatermarkGenerator<Decoded<T>> {

    private final WatermarkGenerator<Decoded<T>> generator;

    ValidRecordsOnly(WatermarkGenerator<Decoded<T>> generator) {
        this.generator = generator;
    }

    @Override
    public void onEvent(Decoded<T> record, long eventTimestamp, WatermarkOutput output) {
        if (record.isValid()) {
            generator.onEvent(record, eventTimestamp, output);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        generator.onPeriodicEmit(output);
    }
}
