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
package org.retailstream.stack.apis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Open-Meteo's forecast API on loopback ({@code GET /v1/forecast?latitude=a,b&longitude=c,d&current=...}),
 * answering as Open-Meteo does with {@code timeformat=unixtime}: one object per location in request
 * order (an array for several), coordinates snapped to a grid, and current conditions that change
 * every quarter of an hour, as the real model's do. Rain comes and goes, so weather rules have
 * something to react to.
 */
public final class WeatherApi implements AutoCloseable {

    /** The stores whose weather the stack polls: id, latitude, longitude (CSV, as Store Locations takes it). */
    public static final String STORES = "store-101,52.52,13.42\nstore-102,48.86,2.34\nstore-103,51.51,-0.13";

    private static final long QUARTER_HOUR = 900;
    private static final int[] WEATHER_CODES = {0, 2, 3, 61, 63, 80};

    private final HttpServer server;
    private final long seed;

    private WeatherApi(HttpServer server, long seed) {
        this.server = server;
        this.seed = seed;
    }

    public static WeatherApi start(long seed) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WeatherApi api = new WeatherApi(server, seed);
        server.createContext("/v1/forecast", api::answer);
        server.start();
        return api;
    }

    /** The base URL the processor's Base URL takes. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String[] latitudes = query.getOrDefault("latitude", "").split(",");
            String[] longitudes = query.getOrDefault("longitude", "").split(",");
            if (latitudes.length != longitudes.length || latitudes[0].isEmpty()) {
                CompetitorPriceApi.respond(
                        exchange,
                        400,
                        "{\"error\":true,\"reason\":\"latitude and longitude must have the same length\"}");
                return;
            }
            long time = Instant.now().getEpochSecond() / QUARTER_HOUR * QUARTER_HOUR;
            StringJoiner answers =
                    new StringJoiner(",", latitudes.length > 1 ? "[" : "", latitudes.length > 1 ? "]" : "");
            for (int i = 0; i < latitudes.length; i++) {
                answers.add(location(Double.parseDouble(latitudes[i]), Double.parseDouble(longitudes[i]), time));
            }
            CompetitorPriceApi.respond(exchange, 200, answers.toString());
        }
    }

    private String location(double latitude, double longitude, long time) {
        SplittableRandom random =
                new SplittableRandom(seed ^ Double.hashCode(latitude) * 31L ^ Double.hashCode(longitude) ^ time);
        double temperature = Math.round((2 + random.nextDouble() * 12) * 10) / 10.0;
        int code = WEATHER_CODES[random.nextInt(WEATHER_CODES.length)];
        double precipitation = code >= 61 ? Math.round(random.nextDouble() * 30) / 10.0 : 0.0;
        return String.format(
                Locale.ROOT,
                "{\"latitude\":%.4f,\"longitude\":%.4f,\"generationtime_ms\":0.05,\"utc_offset_seconds\":0,"
                        + "\"timezone\":\"GMT\",\"timezone_abbreviation\":\"GMT\",\"elevation\":40.0,"
                        + "\"current_units\":{\"time\":\"unixtime\",\"interval\":\"seconds\",\"temperature_2m\":\"°C\","
                        + "\"relative_humidity_2m\":\"%%\",\"precipitation\":\"mm\",\"weather_code\":\"wmo code\","
                        + "\"wind_speed_10m\":\"km/h\"},\"current\":{\"time\":%d,\"interval\":900,\"temperature_2m\":%.1f,"
                        + "\"relative_humidity_2m\":%d,\"precipitation\":%.1f,\"weather_code\":%d,\"wind_speed_10m\":%.1f}}",
                // Open-Meteo snaps to its model grid: a little off the asked coordinates.
                Math.round(latitude * 40) / 40.0,
                Math.round(longitude * 40) / 40.0,
                time,
                temperature,
                55 + random.nextInt(40),
                precipitation,
                code,
                random.nextDouble() * 30);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(
                            pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
