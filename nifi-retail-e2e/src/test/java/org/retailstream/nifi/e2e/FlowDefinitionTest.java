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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
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
 * The flow definitions in templates/nifi import into a real NiFi ("Upload flow definition"), and the
 * imported competitor-price flow runs: pointed at a loopback API, its GetCompetitorPrices feeds Avro
 * records with the topic's schema towards PublishKafka. (PublishKafka's NAR is not published where
 * this builds, so NiFi imports it as a ghost and the records wait in its queue, where they are read.)
 */
@Tag("slow")
class FlowDefinitionTest {

    private static final Path TEMPLATES = Path.of(System.getProperty("retail.templates", "../templates/nifi"));

    private static ApiServer api;
    private static NiFiRuntime nifi;
    private static NiFiRestClient rest;

    @BeforeAll
    static void startNiFi() throws Exception {
        api = new ApiServer();
        nifi = NiFiRuntime.start();
        rest = new NiFiRestClient(nifi.api());
    }

    @AfterAll
    static void stopNiFi() throws Exception {
        if (nifi != null) {
            nifi.close();
        }
        api.close();
    }

    @Test
    void theCompetitorPriceFlowImportsAndItsPollerFeedsPublishKafka() throws Exception {
        String group = rest.uploadFlowDefinition(TEMPLATES.resolve("competitor-prices-to-kafka.json"), "prices");
        Map<String, JsonNode> processors = rest.processors(group);
        JsonNode poller = processors.get("Get competitor prices");
        JsonNode publisher = processors.get("Publish to Kafka");
        assertEquals(
                "org.apache.nifi.kafka.processors.PublishKafka",
                publisher.path("component").path("type").asText());
        Map<String, String> configured = properties(poller);
        assertEquals("#{competitor.price.urls}", configured.get("Endpoint URLs"));
        assertEquals("API_KEY_HEADER", configured.get("Authentication Strategy"));
        assertEquals("LINK_HEADER", configured.get("Pagination Strategy"));

        String webClient =
                rest.createControllerService("org.retailstream.nifi.webclient.StandaloneWebClientProvider", Map.of());
        rest.enableControllerService(rest.controllerServices(group)
                .get("Records as Avro (exact schema)")
                .path("id")
                .asText());
        api.script("/prices", Response.json(PriceResponses.array(0, 4)));
        String pollerId = poller.path("id").asText();
        rest.setProcessorProperties(
                pollerId,
                Map.of(
                        "Endpoint URLs",
                        api.url("/prices"),
                        "API Key",
                        "template-test-key",
                        "Web Client Service",
                        webClient));

        rest.runOnce(pollerId);

        String toKafka = rest.connectionFrom(group, pollerId, "success");
        List<QueuedFlowFile> queued = rest.awaitQueued(toKafka, 1);
        assertEquals("4", queued.get(0).attributes().get("record.count"));
        try (DataFileStream<GenericRecord> records =
                new DataFileStream<>(new ByteArrayInputStream(queued.get(0).content()), new GenericDatumReader<>())) {
            assertEquals("CompetitorPrice", records.getSchema().getName());
            assertEquals("SKU-000000", records.next().get("sku").toString());
        }
        assertEquals("template-test-key", api.requests("/prices").get(0).header("X-API-Key"));
    }

    @Test
    void theWeatherFlowImportsWithItsParameters() throws Exception {
        String group = rest.uploadFlowDefinition(TEMPLATES.resolve("weather-to-kafka.json"), "weather");
        Map<String, String> configured = properties(rest.processors(group).get("Get store weather"));
        assertEquals("#{weather.store.locations}", configured.get("Store Locations"));
        assertEquals("OPEN_METEO", configured.get("Weather Provider"));
        assertTrue(rest.processors(group).containsKey("Publish to Kafka"));
    }

    private static Map<String, String> properties(JsonNode processor) {
        Map<String, String> values = new java.util.HashMap<>();
        processor
                .path("component")
                .path("config")
                .path("properties")
                .fields()
                .forEachRemaining(field -> values.put(
                        field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().asText()));
        return values;
    }
}
