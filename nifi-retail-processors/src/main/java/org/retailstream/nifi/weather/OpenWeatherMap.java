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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.retailstream.nifi.json.MalformedResponseException;

/**
 * OpenWeatherMap's current weather API, one request per store. It is asked in its standard units
 * (Kelvin, m/s), which are converted; rain and snow are only present when it falls, so their absence
 * reads as 0 mm.
 */
final class OpenWeatherMap implements WeatherProvider {

    static final String NAME = "openweathermap";

    @Override
    public List<Request> requests(URI baseUrl, List<StoreLocation> locations, String apiKey) {
        return locations.stream()
                .map(location -> new Request(
                        URI.create(BaseUrls.withPath(
                                baseUrl,
                                "/data/2.5/weather?lat=" + location.latitude() + "&lon=" + location.longitude()
                                        + "&appid=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8))),
                        List.of(location)))
                .toList();
    }

    @Override
    public List<ProviderReading> read(JsonNode body, Request request) throws MalformedResponseException {
        if (!body.isObject()) {
            throw new MalformedResponseException("Expected a JSON object from OpenWeatherMap", null);
        }
        StoreLocation location = request.locations().get(0);
        JsonNode kelvin = body.path("main").path("temp");
        JsonNode seconds = body.path("dt");
        if (!kelvin.isNumber()) {
            return List.of(ProviderReading.invalid(location, body, "main.temp is missing or not a number"));
        }
        if (!seconds.isIntegralNumber()) {
            return List.of(ProviderReading.invalid(location, body, "dt is missing or not epoch seconds"));
        }
        JsonNode condition = body.path("weather").path(0);
        JsonNode wind = body.path("wind").path("speed");
        JsonNode humidity = body.path("main").path("humidity");
        double precipitation = body.path("rain").path("1h").asDouble(0)
                + body.path("snow").path("1h").asDouble(0);
        return List.of(ProviderReading.of(
                location,
                body,
                new Observation(
                        location,
                        Instant.ofEpochSecond(seconds.longValue()),
                        Units.kelvinToCelsius(kelvin.doubleValue()),
                        humidity.isNumber() ? humidity.doubleValue() : null,
                        Units.round(precipitation),
                        wind.isNumber() ? Units.metresPerSecondToKmh(wind.doubleValue()) : null,
                        condition.path("id").isNumber() ? condition.path("id").asText() : null,
                        condition.path("description").isTextual()
                                ? condition.path("description").asText()
                                : null,
                        NAME)));
    }
}
