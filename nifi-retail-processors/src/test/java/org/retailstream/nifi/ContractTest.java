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
package org.retailstream.nifi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.Availability;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.model.WeatherObservation;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.prices.GetCompetitorPrices;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.ApiServer.Response;
import org.retailstream.nifi.support.PriceResponses;
import org.retailstream.nifi.support.Runners;
import org.retailstream.nifi.weather.GetWeatherObservations;

/**
 * What PublishKafka sends for each record (the JSON writer's output, one record per message) is a
 * valid event of the topic for every other part of the bundle: it decodes with retail-events'
 * EventCodec, the decoder the Flink jobs use.
 */
class ContractTest {

    private ApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void priceRecordsDecodeAsCompetitorPriceEvents() throws Exception {
        TestRunner runner = Runners.withServices(new GetCompetitorPrices());
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, api.url("/prices"));
        api.script("/prices", Response.json(PriceResponses.array(0, 3)));

        runner.run();

        List<CompetitorPrice> events = decode(runner, RetailTopic.COMPETITOR_PRICES, CompetitorPrice.class);
        assertEquals(3, events.size());
        CompetitorPrice second = events.get(1);
        assertEquals("SKU-000001", second.getSku());
        assertEquals(new BigDecimal("10.0100"), second.getPrice());
        assertEquals(Availability.IN_STOCK, second.getAvailability());
        assertEquals(Instant.parse("2026-11-28T09:15:00Z"), second.getObservedAt());
    }

    @Test
    void weatherRecordsDecodeAsWeatherObservationEvents() throws Exception {
        TestRunner runner = Runners.withServices(new GetWeatherObservations());
        runner.setProperty(GetWeatherObservations.BASE_URL, api.url(""));
        runner.setProperty(GetWeatherObservations.STORE_LOCATIONS, "berlin-01,52.52,13.42");
        api.script("/v1/forecast", Response.json("""
                {"latitude":52.52,"longitude":13.42,"current_units":{"temperature_2m":"°C"},
                 "current":{"time":1764324000,"temperature_2m":3.4,"weather_code":61}}"""));

        runner.run();

        WeatherObservation berlin = decode(runner, RetailTopic.WEATHER_OBSERVATIONS, WeatherObservation.class)
                .get(0);
        assertEquals("berlin-01", berlin.getLocationId());
        assertEquals(38.12, berlin.getTemperatureFahrenheit(), 0.001);
        assertEquals(null, berlin.getWindSpeedKmh(), "a reading the provider did not give stays null");
        assertEquals(Instant.ofEpochSecond(1764324000L), berlin.getObservedAt());
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> decode(
            TestRunner runner, RetailTopic topic, Class<T> type) throws Exception {
        EventCodec<T> codec = EventCodec.forTopic(topic, type);
        return Runners.records(runner, PollingProperties.SUCCESS).stream()
                .map(JsonNode::toString)
                .map(json -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
