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

import java.util.function.IntFunction;
import org.apache.nifi.components.DescribedValue;

/** The weather APIs the processor can poll, with their public base URLs. */
public enum WeatherProviderType implements DescribedValue {
    OPEN_METEO(
            "Open-Meteo",
            "https://api.open-meteo.com",
            false,
            OpenMeteo::new,
            "Open-Meteo forecast API, current conditions; no API key; many stores per request."),
    OPEN_WEATHER_MAP(
            "OpenWeatherMap",
            "https://api.openweathermap.org",
            true,
            toleranceKm -> new OpenWeatherMap(),
            "OpenWeatherMap current weather API; needs an API key; one request per store.");

    private final String displayName;
    private final String defaultBaseUrl;
    private final boolean needsApiKey;
    /** Makes the provider from the Location Tolerance in km (only Open-Meteo answers many stores at once). */
    private final IntFunction<WeatherProvider> factory;

    private final String description;

    WeatherProviderType(
            String displayName,
            String defaultBaseUrl,
            boolean needsApiKey,
            IntFunction<WeatherProvider> factory,
            String description) {
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.needsApiKey = needsApiKey;
        this.factory = factory;
        this.description = description;
    }

    String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    boolean needsApiKey() {
        return needsApiKey;
    }

    WeatherProvider create(int locationToleranceKm) {
        return factory.apply(locationToleranceKm);
    }

    @Override
    public String getValue() {
        return name();
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getDescription() {
        return description + " Default base URL: " + defaultBaseUrl + ".";
    }
}
