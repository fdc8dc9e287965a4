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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.apache.nifi.components.state.Scope;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.ApiServer.Response;
import org.retailstream.nifi.support.MutableClock;
import org.retailstream.nifi.support.Runners;

class GetWeatherObservationsTest {

    /** Shaped like Open-Meteo's answer for two coordinates with timeformat=unixtime. */
    private static final String OPEN_METEO_TWO_STORES = """
            [{"latitude":52.52,"longitude":13.419998,"generationtime_ms":0.05,"utc_offset_seconds":0,"timezone":"GMT",
              "timezone_abbreviation":"GMT","elevation":38.0,
              "current_units":{"time":"unixtime","interval":"seconds","temperature_2m":"°C","relative_humidity_2m":"%",
                "precipitation":"mm","weather_code":"wmo code","wind_speed_10m":"km/h"},
              "current":{"time":1764324000,"interval":900,"temperature_2m":3.4,"relative_humidity_2m":87,
                "precipitation":0.2,"weather_code":61,"wind_speed_10m":14.8}},
             {"latitude":48.86,"longitude":2.3399997,"generationtime_ms":0.04,"utc_offset_seconds":0,"timezone":"GMT",
              "timezone_abbreviation":"GMT","elevation":43.0,
              "current_units":{"time":"unixtime","interval":"seconds","temperature_2m":"°C","relative_humidity_2m":"%",
                "precipitation":"mm","weather_code":"wmo code","wind_speed_10m":"km/h"},
              "current":{"time":1764324000,"interval":900,"temperature_2m":-1.5,"relative_humidity_2m":64,
                "precipitation":0.0,"weather_code":3,"wind_speed_10m":5.0}}]""";

    /** Shaped like OpenWeatherMap's /data/2.5/weather answer in standard units (Kelvin, m/s). */
    private static final String OPEN_WEATHER_MAP = """
            {"coord":{"lon":13.42,"lat":52.52},"weather":[{"id":500,"main":"Rain","description":"light rain","icon":"10d"}],
             "base":"stations","main":{"temp":285.15,"feels_like":284.4,"temp_min":284.2,"temp_max":286.0,"pressure":1012,
             "humidity":81},"visibility":10000,"wind":{"speed":5.0,"deg":240},"rain":{"1h":0.35},"clouds":{"all":90},
             "dt":1764324000,"sys":{"country":"DE","sunrise":1764313000,"sunset":1764342000},"timezone":3600,"id":2950159,
             "name":"Berlin","cod":200}""";

    private static final String API_KEY = "owm-secret-3f9a1c";

    private ApiServer api;
    private TestRunner runner;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer();
        runner = Runners.withServices(
                new GetWeatherObservations(new MutableClock(Instant.parse("2026-11-28T10:05:00Z"))));
        runner.setProperty(GetWeatherObservations.BASE_URL, api.url(""));
        runner.setProperty(
                GetWeatherObservations.STORE_LOCATIONS,
                "id,latitude,longitude\nberlin-01,52.52,13.42\nparis-07,48.86,2.34");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void openMeteoAnswersForAllStoresInOneRequestInMetricUnits() throws Exception {
        api.script("/v1/forecast", Response.json(OPEN_METEO_TWO_STORES));

        runner.run();

        assertEquals(1, api.requests().size());
        String query = api.requests().get(0).query();
        assertTrue(query.contains("latitude=52.52,48.86&longitude=13.42,2.34"), query);
        assertTrue(query.contains("wind_speed_unit=kmh") && query.contains("timeformat=unixtime"), query);
        List<JsonNode> records = Runners.records(runner, PollingProperties.SUCCESS);
        assertEquals(2, records.size());
        JsonNode berlin = records.get(0);
        assertEquals("berlin-01", berlin.get("location_id").asText());
        assertEquals(52.52, berlin.get("latitude").asDouble());
        assertEquals(
                Instant.ofEpochSecond(1764324000L),
                Instant.parse(berlin.get("observed_at").asText()));
        assertEquals(3.4, berlin.get("temperature_celsius").asDouble());
        assertEquals(3.4 * 9 / 5 + 32, berlin.get("temperature_fahrenheit").asDouble(), 0.005);
        assertEquals(87.0, berlin.get("relative_humidity_percent").asDouble());
        assertEquals(0.2, berlin.get("precipitation_mm").asDouble());
        assertEquals(14.8, berlin.get("wind_speed_kmh").asDouble());
        assertEquals("61", berlin.get("condition_code").asText());
        assertEquals("slight rain", berlin.get("condition_text").asText());
        assertEquals("open-meteo", berlin.get("provider").asText());
        assertEquals(-1.5, records.get(1).get("temperature_celsius").asDouble());
        assertEquals(29.3, records.get(1).get("temperature_fahrenheit").asDouble(), 0.005);
    }

    @Test
    void openMeteoInOtherUnitsIsConverted() throws Exception {
        runner.setProperty(
                GetWeatherObservations.STORE_LOCATIONS,
                "[{\"id\":\"nyc-02\",\"latitude\":40.71,\"longitude\":-74.01}]");
        api.script("/v1/forecast", Response.json("""
                {"latitude":40.71,"longitude":-74.01,"current_units":{"temperature_2m":"°F","wind_speed_10m":"mp/h",
                 "precipitation":"inch"},"current":{"time":"2026-11-28T10:00","temperature_2m":50.0,
                 "relative_humidity_2m":55,"precipitation":0.1,"weather_code":0,"wind_speed_10m":10.0}}"""));

        runner.run();

        JsonNode nyc = Runners.records(runner, PollingProperties.SUCCESS).get(0);
        assertEquals(10.0, nyc.get("temperature_celsius").asDouble());
        assertEquals(50.0, nyc.get("temperature_fahrenheit").asDouble());
        assertEquals(16.09, nyc.get("wind_speed_kmh").asDouble());
        assertEquals(2.54, nyc.get("precipitation_mm").asDouble());
        assertEquals(
                Instant.parse("2026-11-28T10:00:00Z"),
                Instant.parse(nyc.get("observed_at").asText()));
        assertEquals("clear sky", nyc.get("condition_text").asText());
    }

    @Test
    void openWeatherMapKelvinAndMetresPerSecondAreConvertedAndTheKeyNeverLeaks() throws Exception {
        runner.setProperty(GetWeatherObservations.PROVIDER, WeatherProviderType.OPEN_WEATHER_MAP);
        runner.setProperty(GetWeatherObservations.API_KEY, API_KEY);
        runner.setProperty(GetWeatherObservations.STORE_LOCATIONS, "berlin-01,52.52,13.42");
        api.script("/data/2.5/weather", Response.json(OPEN_WEATHER_MAP));

        runner.run();

        assertEquals(
                "lat=52.52&lon=13.42&appid=" + API_KEY, api.requests().get(0).query());
        List<JsonNode> records = Runners.records(runner, PollingProperties.SUCCESS);
        JsonNode berlin = records.get(0);
        assertEquals(12.0, berlin.get("temperature_celsius").asDouble());
        assertEquals(53.6, berlin.get("temperature_fahrenheit").asDouble());
        assertEquals(18.0, berlin.get("wind_speed_kmh").asDouble());
        assertEquals(0.35, berlin.get("precipitation_mm").asDouble());
        assertEquals(81.0, berlin.get("relative_humidity_percent").asDouble());
        assertEquals("500", berlin.get("condition_code").asText());
        assertEquals("light rain", berlin.get("condition_text").asText());
        assertEquals("openweathermap", berlin.get("provider").asText());
        MockFlowFile out =
                runner.getFlowFilesForRelationship(PollingProperties.SUCCESS).get(0);
        assertFalse(
                out.getAttributes().toString().contains(API_KEY),
                out.getAttributes().toString());
        assertFalse(out.getContent().contains(API_KEY));
        assertFalse(runner.getProvenanceEvents().get(0).getTransitUri().contains(API_KEY));
    }

    @Test
    void anOpenWeatherMapKeyIsMaskedInWarningsToo() throws Exception {
        runner.setProperty(GetWeatherObservations.PROVIDER, WeatherProviderType.OPEN_WEATHER_MAP);
        runner.setProperty(GetWeatherObservations.API_KEY, API_KEY);
        runner.setProperty(GetWeatherObservations.STORE_LOCATIONS, "berlin-01,52.52,13.42");
        api.script("/data/2.5/weather", Response.json(502, "bad gateway"));

        runner.run();

        assertFalse(runner.getLogger().getWarnMessages().isEmpty());
        assertFalse(Runners.logText(runner).contains(API_KEY), Runners.logText(runner));
        assertEquals(0, runner.getQueueSize().getObjectCount());
    }

    @Test
    void anObservationAlreadyEmittedIsSkippedAndANewerOneIsNot() throws Exception {
        api.script(
                "/v1/forecast",
                Response.json(OPEN_METEO_TWO_STORES),
                Response.json(OPEN_METEO_TWO_STORES),
                Response.json(OPEN_METEO_TWO_STORES.replaceFirst("1764324000", "1764324900")));

        runner.run();
        runner.clearTransferState();
        runner.run();
        runner.assertTransferCount(PollingProperties.SUCCESS, 0);

        runner.run();
        List<JsonNode> records = Runners.records(runner, PollingProperties.SUCCESS);
        assertEquals(1, records.size());
        assertEquals("berlin-01", records.get(0).get("location_id").asText());
        assertEquals(
                "1764324900000",
                runner.getStateManager().getState(Scope.CLUSTER).get("o.berlin-01"));
    }

    @Test
    void aStoreWithoutATemperatureGoesToInvalidAndTheOtherToSuccess() throws Exception {
        api.script("/v1/forecast", Response.json(OPEN_METEO_TWO_STORES.replace("\"temperature_2m\":-1.5,", "")));

        runner.run();

        assertEquals(1, Runners.records(runner, PollingProperties.SUCCESS).size());
        MockFlowFile invalid =
                runner.getFlowFilesForRelationship(PollingProperties.INVALID).get(0);
        assertEquals(
                "Location paris-07: current.temperature_2m is missing or not a number",
                invalid.getAttribute("error.message"));
    }

    /** The same Berlin observation, 10:00 UTC, in each form an Open-Meteo answer can carry its time in. */
    @ParameterizedTest(name = "time {0} with utc_offset_seconds {1}")
    @CsvSource({
        "1764324000,            3600", // timeformat=unixtime: absolute, whatever the offset
        "\"2025-11-28T11:00\",      3600", // iso8601 with timezone=auto: Berlin's local time
        "\"2025-11-28T10:00\",      0", // iso8601 with timezone=GMT
        "\"2025-11-28T11:00+01:00\", 0" // an explicit offset wins
    })
    void everyFormOfOpenMeteoTimeBecomesTheSameInstantInTheRecordAndTheState(String time, int offset) throws Exception {
        api.script(
                "/v1/forecast",
                Response.json(OPEN_METEO_TWO_STORES
                        .replace("\"time\":1764324000", "\"time\":" + time)
                        .replace("\"utc_offset_seconds\":0", "\"utc_offset_seconds\":" + offset)));

        runner.run();

        List<JsonNode> records = Runners.records(runner, PollingProperties.SUCCESS);
        assertEquals(2, records.size());
        for (JsonNode record : records) {
            assertEquals(
                    Instant.parse("2025-11-28T10:00:00Z"),
                    Instant.parse(record.get("observed_at").asText()),
                    record.toString());
        }
        assertEquals(
                "1764324000000",
                runner.getStateManager().getState(Scope.CLUSTER).get("o.berlin-01"),
                "the dedupe state holds the UTC time");
    }

    @Test
    void answersInAnotherOrderThanTheStoresGoToFailureWithBothCoordinates() throws Exception {
        runner.setProperty(
                GetWeatherObservations.STORE_LOCATIONS,
                "id,latitude,longitude\nparis-07,48.86,2.34\nberlin-01,52.52,13.42");
        api.script("/v1/forecast", Response.json(OPEN_METEO_TWO_STORES));

        runner.run();

        runner.assertAllFlowFilesTransferred(PollingProperties.FAILURE, 1);
        String error = runner.getFlowFilesForRelationship(PollingProperties.FAILURE)
                .get(0)
                .getAttribute("error.message");
        assertTrue(
                error.startsWith("Open-Meteo answer 1 is for 52.52,13.419998 but store paris-07 is at 48.86,2.34"),
                error);
        assertTrue(error.contains("more than the Location Tolerance of 25 km"), error);
        assertTrue(runner.getStateManager().getState(Scope.CLUSTER).toMap().isEmpty(), "no store's state moved");
    }

    @Test
    void aGridSnapWithinTheToleranceIsTheSameStore() throws Exception {
        runner.setProperty(GetWeatherObservations.LOCATION_TOLERANCE, "5");
        // Open-Meteo's grid cell for Berlin's store lies about 1.4 km away.
        api.script(
                "/v1/forecast",
                Response.json(OPEN_METEO_TWO_STORES.replace("\"latitude\":52.52,", "\"latitude\":52.5326,")));

        runner.run();

        assertEquals(2, Runners.records(runner, PollingProperties.SUCCESS).size());
    }

    @Test
    void anAnswerForTheWrongNumberOfStoresIsMalformed() throws Exception {
        String oneStore = org.retailstream.nifi.json.Json.MAPPER
                .readTree(OPEN_METEO_TWO_STORES)
                .get(0)
                .toString();
        api.script("/v1/forecast", Response.json("[" + oneStore + "]"));

        runner.run();

        runner.assertAllFlowFilesTransferred(PollingProperties.FAILURE, 1);
        assertEquals(
                "Open-Meteo answered for 1 location(s), 2 were asked for",
                runner.getFlowFilesForRelationship(PollingProperties.FAILURE)
                        .get(0)
                        .getAttribute("error.message"));
    }

    @Test
    void storeLocationsCanComeFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path stores = dir.resolve("stores.json");
        java.nio.file.Files.writeString(
                stores,
                "[{\"id\":\"berlin-01\",\"latitude\":52.52,\"longitude\":13.42},"
                        + "{\"id\":\"paris-07\",\"latitude\":48.86,\"longitude\":2.34}]");
        runner.removeProperty(GetWeatherObservations.STORE_LOCATIONS);
        runner.setProperty(GetWeatherObservations.STORE_LOCATIONS_FILE, stores.toString());
        api.script("/v1/forecast", Response.json(OPEN_METEO_TWO_STORES));

        runner.run();

        assertTrue(api.requests().get(0).query().contains("latitude=52.52,48.86&longitude=13.42,2.34"));
        assertEquals(2, Runners.records(runner, PollingProperties.SUCCESS).size());
    }

    @Test
    void badLocationsAndAMissingKeyMakeTheProcessorInvalidWithAReason() {
        runner.setProperty(GetWeatherObservations.STORE_LOCATIONS, "berlin-01,52.52,13.42\nparis-07,north,2.34");
        runner.assertNotValid();
        assertTrue(
                Runners.validation(runner).contains("line 2 has a coordinate that is not a number"),
                Runners.validation(runner));

        runner.setProperty(GetWeatherObservations.STORE_LOCATIONS, "berlin-01,95.0,13.42");
        assertTrue(Runners.validation(runner).contains("latitude 95.0 of berlin-01 is outside -90..90"));

        runner.setProperty(GetWeatherObservations.STORE_LOCATIONS, "berlin-01,52.52,13.42");
        runner.setProperty(GetWeatherObservations.PROVIDER, WeatherProviderType.OPEN_WEATHER_MAP);
        runner.assertNotValid();
        runner.setProperty(GetWeatherObservations.API_KEY, API_KEY);
        runner.assertValid();
    }
}
