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
package org.retailstream.nifi.weather;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.nifi.serialization.record.MapRecord;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;

/** One normalised weather observation: metric units, UTC time, both temperature scales. */
record Observation(
        StoreLocation location,
        Instant observedAt,
        double temperatureCelsius,
        Double humidityPercent,
        Double precipitationMm,
        Double windSpeedKmh,
        String conditionCode,
        String conditionText,
        String provider) {

    Record toRecord(RecordSchema schema) {
        Map<String, Object> values = new HashMap<>();
        values.put("location_id", location.id());
        values.put("latitude", location.latitude());
        values.put("longitude", location.longitude());
        values.put("observed_at", Timestamp.from(observedAt));
        values.put("temperature_celsius", temperatureCelsius);
        values.put("temperature_fahrenheit", Units.celsiusToFahrenheit(temperatureCelsius));
        values.put("relative_humidity_percent", humidityPercent);
        values.put("precipitation_mm", precipitationMm);
        values.put("wind_speed_kmh", windSpeedKmh);
        values.put("condition_code", conditionCode);
        values.put("condition_text", conditionText);
        values.put("provider", provider);
        return new MapRecord(schema, values);
    }
}
