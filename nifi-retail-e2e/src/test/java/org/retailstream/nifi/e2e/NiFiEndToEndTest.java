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
package org.retailstream.nifi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.retailstream.nifi.e2e.runtime.NiFiRestClient;
import org.retailstream.nifi.e2e.runtime.NiFiRestClient.QueuedFlowFile;
import org.retailstream.nifi.e2e.runtime.NiFiRuntime;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.ApiServer.Response;
import org.retailstream.nifi.support.PriceResponses;

/**
 * Our NAR in a real NiFi 2.3.0: the flow is built through the REST API as a user would build it in
 * the UI (processor, JSON writer, web client service), run once against a loopback API, and the
 * FlowFiles NiFi queued are read back through the API.
 */
@Tag("slow")
class NiFiEndToEndTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String API_KEY = "e2e-key-7c1d9f";

    private static ApiServer api;
    private static NiFiRuntime nifi;
    private static NiFiRestClient rest;
    private static String webClient;
    private static String jsonWriter;

    @BeforeAll
    static void startNiFi() throws Exception {
        api = new ApiServer();
        nifi = NiFiRuntime.start();
        rest = new NiFiRestClient(nifi.api());
        webClient =
                rest.createControllerService("org.retailstream.nifi.webclient.StandaloneWebClientProvider", Map.of());
        jsonWriter = rest.createControllerService(
                "org.apache.nifi.json.JsonRecordSetWriter", Map.of("Timestamp Format", "yyyy-MM-dd'T'HH:mm:ss.SSSX"));
    }

    @AfterAll
    static void stopNiFi() throws Exception {
        if (nifi != null) {
            nifi.close();
        }
        api.close();
    }

    @Test
    void competitorPricesArePolledPageByPageIntoRecordsInARealNiFi() throws Exception {
        String badItem = "{\"sku\":\"BAD-1\",\"competitor\":\"megamart\",\"price\":\"n/a\",\"currency\":\"EUR\"}";
        api.handle(
                "/prices",
                request -> request.query() == null
                        ? Response.json(
                                "{\"items\":" + PriceResponses.array(0, 3).replace("]", "," + badItem + "]")
                                        + ",\"next\":\"/prices?page=2\"}")
                        : Response.json("{\"items\":" + PriceResponses.array(3, 2) + ",\"next\":null}"));
        String processor = rest.createProcessor(
                "org.retailstream.nifi.prices.GetCompetitorPrices",
                Map.of(
                        "Endpoint URLs",
                        api.url("/prices"),
                        "Web Client Service",
                        webClient,
                        "Record Writer",
                        jsonWriter,
                        "Pagination Strategy",
                        "NEXT_LINK_IN_BODY",
                        "Authentication Strategy",
                        "API_KEY_HEADER",
                        "API Key",
                        API_KEY));
        String success = rest.queue(processor, "success");
        String invalid = rest.queue(processor, "invalid");
        String failure = rest.queue(processor, "failure");

        rest.runOnce(processor);

        List<QueuedFlowFile> pages = new ArrayList<>(rest.awaitQueued(success, 2));
        pages.sort(Comparator.comparing(page -> page.attributes().get("page.number")));
        assertEquals("3", pages.get(0).attributes().get("record.count"));
        assertEquals("2", pages.get(1).attributes().get("record.count"));
        assertEquals("application/json", pages.get(0).attributes().get("mime.type"));
        assertEquals(api.url("/prices?page=2"), pages.get(1).attributes().get("source.url"));
        List<JsonNode> records = new ArrayList<>();
        for (QueuedFlowFile page : pages) {
            JSON.readTree(page.content()).forEach(records::add);
        }
        assertEquals(5, records.size());
        for (int i = 0; i < 5; i++) {
            JsonNode record = records.get(i);
            assertEquals("SKU-%06d".formatted(i), record.get("sku").asText());
            assertEquals(
                    0,
                    new BigDecimal("10.%02d".formatted(i))
                            .compareTo(record.get("price").decimalValue()));
            assertEquals("2026-11-28T09:15:00.000Z", record.get("observed_at").asText());
        }
        List<QueuedFlowFile> rejected = rest.awaitQueued(invalid, 1);
        assertEquals("1", rejected.get(0).attributes().get("invalid.count"));
        assertTrue(new String(rejected.get(0).content()).contains("BAD-1"));
        assertEquals(0, rest.queuedCount(failure));
        assertEquals(API_KEY, api.requests("/prices").get(0).header("X-API-Key"));
        assertFalse(Files.readString(nifi.appLog()).contains(API_KEY), "the API key is not in nifi-app.log");
    }

    @Test
    void weatherForTwoStoresIsPolledInOneRequestInARealNiFi() throws Exception {
        api.script("/v1/forecast", Response.json("""
                [{"latitude":52.52,"longitude":13.42,"current_units":{"temperature_2m":"°C","wind_speed_10m":"km/h"},
                  "current":{"time":1764324000,"temperature_2m":3.4,"relative_humidity_2m":87,"precipitation":0.2,
                  "weather_code":61,"wind_speed_10m":14.8}},
                 {"latitude":48.86,"longitude":2.34,"current_units":{"temperature_2m":"°C","wind_speed_10m":"km/h"},
                  "current":{"time":1764324000,"temperature_2m":-1.5,"relative_humidity_2m":64,"precipitation":0.0,
                  "weather_code":3,"wind_speed_10m":5.0}}]"""));
        String processor = rest.createProcessor(
                "org.retailstream.nifi.weather.GetWeatherObservations",
                Map.of(
                        "Base URL",
                        api.url(""),
                        "Store Locations",
                        "berlin-01,52.52,13.42\nparis-07,48.86,2.34",
                        "Web Client Service",
                        webClient,
                        "Record Writer",
                        jsonWriter));
        String success = rest.queue(processor, "success");
        rest.queue(processor, "invalid");
        rest.queue(processor, "failure");

        rest.runOnce(processor);

        QueuedFlowFile out = rest.awaitQueued(success, 1).get(0);
        assertEquals("2", out.attributes().get("record.count"));
        JsonNode records = JSON.readTree(out.content());
        assertEquals("berlin-01", records.get(0).get("location_id").asText());
        assertEquals(38.12, records.get(0).get("temperature_fahrenheit").asDouble(), 0.001);
        assertEquals("overcast", records.get(1).get("condition_text").asText());
        assertEquals(1, api.requests("/v1/forecast").size());
    }
}
