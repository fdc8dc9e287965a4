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

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.retailstream.nifi.json.MalformedResponseException;

/**
 * Open-Meteo's forecast API, current conditions. Asks for up to {@link #LOCATIONS_PER_REQUEST}
 * stores per request (comma-separated coordinates; the answer is then an array in request order),
 * in Celsius, km/h and mm, and still reads {@code current_units} so other units are converted.
 * Each answer's coordinates are checked against its store's: request order is Open-Meteo's promise,
 * and a proxy or a recorded answer that breaks it would otherwise give each store another's weather.
 */
final class OpenMeteo implements WeatherProvider {

    static final String NAME = "open-meteo";
    static final int LOCATIONS_PER_REQUEST = 100;

    private final int locationToleranceKm;

    OpenMeteo(int locationToleranceKm) {
        this.locationToleranceKm = locationToleranceKm;
    }

    private static final String CURRENT =
            "temperature_2m,relative_humidity_2m,precipitation,weather_code,wind_speed_10m";

    private static final Map<Integer, String> WMO_CODES = Map.ofEntries(
            Map.entry(0, "clear sky"),
            Map.entry(1, "mainly clear"),
            Map.entry(2, "partly cloudy"),
            Map.entry(3, "overcast"),
            Map.entry(45, "fog"),
            Map.entry(48, "depositing rime fog"),
            Map.entry(51, "light drizzle"),
            Map.entry(53, "moderate drizzle"),
            Map.entry(55, "dense drizzle"),
            Map.entry(56, "light freezing drizzle"),
            Map.entry(57, "dense freezing drizzle"),
            Map.entry(61, "slight rain"),
            Map.entry(63, "moderate rain"),
            Map.entry(65, "heavy rain"),
            Map.entry(66, "light freezing rain"),
            Map.entry(67, "heavy freezing rain"),
            Map.entry(71, "slight snow fall"),
            Map.entry(73, "moderate snow fall"),
            Map.entry(75, "heavy snow fall"),
            Map.entry(77, "snow grains"),
            Map.entry(80, "slight rain showers"),
            Map.entry(81, "moderate rain showers"),
            Map.entry(82, "violent rain showers"),
            Map.entry(85, "slight snow showers"),
            Map.entry(86, "heavy snow showers"),
            Map.entry(95, "thunderstorm"),
            Map.entry(96, "thunderstorm with slight hail"),
            Map.entry(99, "thunderstorm with heavy hail"));

    @Override
    public List<Request> requests(URI baseUrl, List<StoreLocation> locations, String apiKey) {
        List<Request> requests = new ArrayList<>();
        for (int from = 0; from < locations.size(); from += LOCATIONS_PER_REQUEST) {
            List<StoreLocation> batch =
                    locations.subList(from, Math.min(locations.size(), from + LOCATIONS_PER_REQUEST));
            String query = "latitude=" + join(batch, StoreLocation::latitude) + "&longitude="
                    + join(batch, StoreLocation::longitude) + "&current=" + CURRENT
                    + "&temperature_unit=celsius&wind_speed_unit=kmh&precipitation_unit=mm&timeformat=unixtime&timezone=GMT";
            requests.add(
                    new Request(URI.create(BaseUrls.withPath(baseUrl, "/v1/forecast?" + query)), List.copyOf(batch)));
        }
        return requests;
    }

    @Override
    public List<ProviderReading> read(JsonNode body, Request request) throws MalformedResponseException {
        List<StoreLocation> locations = request.locations();
        List<JsonNode> answers = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(answers::add);
        } else if (body.isObject()) {
            answers.add(body);
        } else {
            throw new MalformedResponseException("Expected a JSON object or array from Open-Meteo", null);
        }
        if (answers.size() != locations.size()) {
            throw new MalformedResponseException(
                    "Open-Meteo answered for " + answers.size() + " location(s), " + locations.size()
                            + " were asked for",
                    null);
        }
        for (int i = 0; i < locations.size(); i++) {
            requireSamePlace(i, locations.get(i), answers.get(i));
        }
        List<ProviderReading> readings = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            readings.add(reading(locations.get(i), answers.get(i)));
        }
        return readings;
    }

    /** The API snaps coordinates to its model grid (a few km); farther means the answer is another store's. */
    private void requireSamePlace(int index, StoreLocation location, JsonNode answer)
            throws MalformedResponseException {
        JsonNode latitude = answer.path("latitude");
        JsonNode longitude = answer.path("longitude");
        if (!latitude.isNumber() || !longitude.isNumber()) {
            return; // nothing to compare with; the reading itself says what else is missing
        }
        double kilometres = location.kilometresTo(latitude.doubleValue(), longitude.doubleValue());
        if (kilometres > locationToleranceKm) {
            throw new MalformedResponseException(
                    "Open-Meteo answer %d is for %s,%s but store %s is at %s,%s: %.0f km apart, more than the"
                                    .formatted(
                                            index + 1,
                                            latitude.asText(),
                                            longitude.asText(),
                                            location.id(),
                                            location.latitude(),
                                            location.longitude(),
                                            kilometres)
                            + " Location Tolerance of " + locationToleranceKm
                            + " km (answers are matched to stores in request order)",
                    null);
        }
    }

    private static ProviderReading reading(StoreLocation location, JsonNode answer) {
        JsonNode current = answer.path("current");
        JsonNode units = answer.path("current_units");
        JsonNode temperature = current.path("temperature_2m");
        if (!current.isObject()) {
            return ProviderReading.invalid(location, answer, "no 'current' conditions in the answer");
        }
        if (!temperature.isNumber()) {
            return ProviderReading.invalid(location, answer, "current.temperature_2m is missing or not a number");
        }
        Instant observedAt;
        try {
            observedAt = time(current.path("time"), answer.path("utc_offset_seconds"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return ProviderReading.invalid(location, answer, "current.time is not a time: " + current.path("time"));
        }
        double celsius = "°F".equals(units.path("temperature_2m").asText())
                ? Units.fahrenheitToCelsius(temperature.doubleValue())
                : Units.round(temperature.doubleValue());
        JsonNode code = current.path("weather_code");
        return ProviderReading.of(
                location,
                answer,
                new Observation(
                        location,
                        observedAt,
                        celsius,
                        number(current.path("relative_humidity_2m")),
                        precipitation(
                                current.path("precipitation"),
                                units.path("precipitation").asText("mm")),
                        wind(
                                current.path("wind_speed_10m"),
                                units.path("wind_speed_10m").asText("km/h")),
                        code.isNumber() ? code.asText() : null,
                        code.isNumber() ? WMO_CODES.getOrDefault(code.intValue(), "unknown") : null,
                        NAME));
    }

    /**
     * Epoch seconds ({@code timeformat=unixtime}, what this processor asks for), or ISO-8601: with an
     * offset it is taken as written; without one (Open-Meteo's default {@code iso8601}) it is the
     * location's local time, and the answer's {@code utc_offset_seconds} makes it UTC.
     */
    private static Instant time(JsonNode time, JsonNode utcOffsetSeconds) {
        if (time.isIntegralNumber()) {
            return Instant.ofEpochSecond(time.longValue());
        }
        if (!time.isTextual()) {
            throw new IllegalArgumentException("missing");
        }
        try {
            return OffsetDateTime.parse(time.asText()).toInstant();
        } catch (DateTimeParseException noOffset) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(utcOffsetSeconds.asInt(0));
            return LocalDateTime.parse(time.asText()).toInstant(offset);
        }
    }

    private static Double precipitation(JsonNode value, String unit) {
        Double amount = number(value);
        if (amount == null || !unit.startsWith("inch")) {
            return amount;
        }
        return Units.inchesToMillimetres(amount);
    }

    private static Double wind(JsonNode value, String unit) {
        Double speed = number(value);
        if (speed == null) {
            return null;
        }
        return switch (unit) {
            case "m/s" -> Units.metresPerSecondToKmh(speed);
            case "mp/h", "mph" -> Units.milesPerHourToKmh(speed);
            case "kn", "kt" -> Units.knotsToKmh(speed);
            default -> speed;
        };
    }

    private static Double number(JsonNode value) {
        return value.isNumber() ? value.doubleValue() : null;
    }

    private static String join(
            List<StoreLocation> batch, java.util.function.ToDoubleFunction<StoreLocation> coordinate) {
        return batch.stream()
                .map(location -> String.valueOf(coordinate.applyAsDouble(location)))
                .collect(Collectors.joining(","));
    }
}
