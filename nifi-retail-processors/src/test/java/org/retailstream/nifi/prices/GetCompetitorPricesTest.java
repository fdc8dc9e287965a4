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
package org.retailstream.nifi.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.nifi.avro.AvroRecordSetWriter;
import org.apache.nifi.provenance.ProvenanceEventRecord;
import org.apache.nifi.provenance.ProvenanceEventType;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.ApiServer.Response;
import org.retailstream.nifi.support.MutableClock;
import org.retailstream.nifi.support.PriceResponses;
import org.retailstream.nifi.support.Runners;

class GetCompetitorPricesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private ApiServer api;
    private TestRunner runner;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer();
        runner = Runners.withServices(new GetCompetitorPrices(new MutableClock(NOW)));
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, api.url("/prices"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyItemOfARootArrayBecomesAPriceRecordWithExactPrices() throws Exception {
        api.script("/prices", Response.json(PriceResponses.array(0, 3)));

        runner.run();

        runner.assertAllFlowFilesTransferred(PollingProperties.SUCCESS, 1);
        MockFlowFile out =
                runner.getFlowFilesForRelationship(PollingProperties.SUCCESS).get(0);
        out.assertAttributeEquals("record.count", "3");
        out.assertAttributeEquals("mime.type", "application/json");
        out.assertAttributeEquals(PollingProperties.SOURCE_URL, api.url("/prices"));
        out.assertAttributeEquals(PollingProperties.POLL_TIME, NOW.toString());
        out.assertAttributeEquals(PollingProperties.PAGE_NUMBER, "1");
        assertTrue(
                out.getContent().contains("\"price\":10.0100"),
                "decimal(18,4), never a binary double: " + out.getContent());
        List<JsonNode> records = Runners.records(runner, PollingProperties.SUCCESS);
        assertEquals(3, records.size());
        JsonNode second = records.get(1);
        assertEquals("SKU-000001", second.get("sku").asText());
        assertEquals("megamart", second.get("competitor").asText());
        assertEquals(0, new BigDecimal("10.01").compareTo(second.get("price").decimalValue()));
        assertEquals("EUR", second.get("currency").asText());
        assertEquals("IN_STOCK", second.get("availability").asText());
        assertEquals("OUT_OF_STOCK", records.get(0).get("availability").asText());
        assertEquals(
                "https://megamart.example/p/000001", second.get("product_url").asText());
        assertEquals(
                Instant.parse("2026-11-28T09:15:00Z"),
                Instant.parse(second.get("observed_at").asText()));
        assertEquals(api.url("/prices"), second.get("source_url").asText());
        List<ProvenanceEventRecord> events = runner.getProvenanceEvents();
        assertEquals(1, events.size());
        assertEquals(ProvenanceEventType.RECEIVE, events.get(0).getEventType());
        assertEquals(api.url("/prices"), events.get(0).getTransitUri());
        assertEquals("application/json", api.requests().get(0).header("Accept"));
    }

    @Test
    void anObjectWithAnItemsArrayIsReadByDefaultAndOtherFieldsAreIgnored() throws Exception {
        api.script(
                "/prices", Response.json("{\"total\":2,\"items\":" + PriceResponses.array(0, 2) + ",\"next\":null}"));

        runner.run();

        assertEquals(2, Runners.records(runner, PollingProperties.SUCCESS).size());
    }

    @Test
    void configuredPathsReadAnotherShopsShape() throws Exception {
        api.script("/prices", Response.json("""
                {"meta":{"shop":"bigbox"},"data":{"offers":[
                  {"id":"A-1","amount":{"value":"1299.5"},"stock":"InStock","link":"https://bigbox.example/a1","ts":1764320400000},
                  {"id":"A-2","amount":{"value":7},"stock":"https://schema.org/PreOrder"}
                ]}}"""));
        runner.setProperty(GetCompetitorPrices.ITEMS_PATH, "/data/offers");
        runner.setProperty(GetCompetitorPrices.SKU_PATH, "/id");
        runner.setProperty(GetCompetitorPrices.PRICE_PATH, "/amount/value");
        runner.setProperty(GetCompetitorPrices.AVAILABILITY_PATH, "/stock");
        runner.setProperty(GetCompetitorPrices.PRODUCT_URL_PATH, "/link");
        runner.setProperty(GetCompetitorPrices.OBSERVED_AT_PATH, "/ts");
        runner.setProperty(GetCompetitorPrices.COMPETITOR_NAME, "bigbox");
        runner.setProperty(GetCompetitorPrices.DEFAULT_CURRENCY, "GBP");

        runner.run();

        List<JsonNode> records = Runners.records(runner, PollingProperties.SUCCESS);
        assertEquals(2, records.size());
        assertEquals("bigbox", records.get(0).get("competitor").asText());
        assertEquals(
                0,
                new BigDecimal("1299.5").compareTo(records.get(0).get("price").decimalValue()));
        assertEquals("GBP", records.get(0).get("currency").asText());
        assertEquals("IN_STOCK", records.get(0).get("availability").asText());
        assertEquals(
                Instant.ofEpochMilli(1764320400000L),
                Instant.parse(records.get(0).get("observed_at").asText()));
        assertEquals("PREORDER", records.get(1).get("availability").asText());
        assertTrue(records.get(1).get("product_url").isNull(), records.toString());
        assertEquals(NOW, Instant.parse(records.get(1).get("observed_at").asText()), "no time given: the poll time");
    }

    @Test
    void badItemsGoToInvalidWithTheirReasonAndTheRestOfThePageStillGoesToSuccess() throws Exception {
        api.script(
                "/prices",
                Response.json("[" + PriceResponses.item(1) + ","
                        + "{\"competitor\":\"megamart\",\"price\":1.5,\"currency\":\"EUR\"},"
                        + "{\"sku\":\"S-2\",\"competitor\":\"megamart\",\"price\":{\"value\":2},\"currency\":\"EUR\"},"
                        + "{\"sku\":\"S-3\",\"competitor\":\"megamart\",\"price\":1.23456,\"currency\":\"EUR\"},"
                        + "{\"sku\":\"S-4\",\"competitor\":\"megamart\",\"price\":\"abc\",\"currency\":\"EUR\"},"
                        + "{\"sku\":\"S-5\",\"competitor\":\"megamart\",\"price\":3,\"currency\":\"euro\"},"
                        + "42," + PriceResponses.item(2) + "]"));

        runner.run();

        assertEquals(2, Runners.records(runner, PollingProperties.SUCCESS).size());
        runner.assertTransferCount(PollingProperties.INVALID, 1);
        MockFlowFile invalid =
                runner.getFlowFilesForRelationship(PollingProperties.INVALID).get(0);
        invalid.assertAttributeEquals("invalid.count", "6");
        List<JsonNode> rejected = Runners.records(runner, PollingProperties.INVALID);
        List<String> errors = new ArrayList<>();
        rejected.forEach(node -> errors.add(node.get("error").asText()));
        assertEquals("Missing SKU at /sku", errors.get(0));
        assertTrue(errors.get(1).contains("must be a number, found OBJECT"), errors.get(1));
        assertTrue(errors.get(2).contains("more than 4 decimal places"), errors.get(2));
        assertTrue(errors.get(3).contains("is not a number: 'abc'"), errors.get(3));
        assertTrue(errors.get(4).contains("not an ISO 4217 code: 'EURO'"), errors.get(4));
        assertEquals("Item is not a JSON object", errors.get(5));
        assertEquals("S-2", rejected.get(1).get("item").get("sku").asText(), "the item travels with its error");
        assertTrue(invalid.getAttribute("error.message").startsWith("Missing SKU at /sku (and 5 more)"));
    }

    @Test
    void aMalformedResponseGoesToFailureAsItCameWithTheParserError() throws Exception {
        String body = "[" + PriceResponses.item(1) + ",{\"sku\": \"S-2\", \"price\": ";
        api.script("/prices", Response.json(body));

        runner.run();

        runner.assertAllFlowFilesTransferred(PollingProperties.FAILURE, 1);
        MockFlowFile failed =
                runner.getFlowFilesForRelationship(PollingProperties.FAILURE).get(0);
        failed.assertContentEquals(body);
        failed.assertAttributeEquals(PollingProperties.HTTP_STATUS_CODE, "200");
        assertTrue(
                failed.getAttribute("error.message").startsWith("The response is not valid JSON"),
                failed.getAttribute("error.message"));
        assertTrue(
                runner.getStateManager()
                        .getState(org.apache.nifi.components.state.Scope.CLUSTER)
                        .toMap()
                        .isEmpty(),
                "the page's first item was not emitted, so it is not remembered either");
    }

    @Test
    void anObjectWithoutTheItemsArrayIsMalformed() throws Exception {
        api.script("/prices", Response.json("{\"error\":\"maintenance\"}"));

        runner.run();

        runner.assertAllFlowFilesTransferred(PollingProperties.FAILURE, 1);
        runner.getFlowFilesForRelationship(PollingProperties.FAILURE)
                .get(0)
                .assertAttributeEquals("error.message", "The response has no items array at /items");
    }

    @Test
    void aRefusedRequestGoesToFailureWithItsStatus() throws Exception {
        api.script("/prices", Response.json(401, "{\"message\":\"invalid key\"}"));

        runner.run();

        runner.assertAllFlowFilesTransferred(PollingProperties.FAILURE, 1);
        MockFlowFile failed =
                runner.getFlowFilesForRelationship(PollingProperties.FAILURE).get(0);
        failed.assertAttributeEquals(PollingProperties.HTTP_STATUS_CODE, "401");
        failed.assertContentEquals("{\"message\":\"invalid key\"}");
    }

    @Test
    void theAvroWriterWritesExactlyTheTopicSchema() throws Exception {
        AvroRecordSetWriter avro = new AvroRecordSetWriter();
        runner.addControllerService("avro", avro);
        runner.setProperty(avro, "Schema Write Strategy", "avro-embedded");
        runner.enableControllerService(avro);
        runner.setProperty(PollingProperties.RECORD_WRITER, "avro");
        api.script("/prices", Response.json(PriceResponses.array(0, 2)));

        runner.run();

        MockFlowFile out =
                runner.getFlowFilesForRelationship(PollingProperties.SUCCESS).get(0);
        try (DataFileStream<GenericRecord> records =
                new DataFileStream<>(new ByteArrayInputStream(out.toByteArray()), new GenericDatumReader<>())) {
            org.apache.avro.Schema written = records.getSchema();
            org.apache.avro.Schema contract = RetailTopic.COMPETITOR_PRICES.valueSchema();
            assertEquals(contract.getFields().size(), written.getFields().size());
            for (org.apache.avro.Schema.Field field : contract.getFields()) {
                org.apache.avro.Schema.Field same = written.getField(field.name());
                assertEquals(field.schema().isNullable(), same.schema().isNullable(), field.name());
                assertEquals(
                        String.valueOf(nonNull(field.schema()).getLogicalType()),
                        String.valueOf(nonNull(same.schema()).getLogicalType()),
                        field.name());
            }
            GenericRecord first = records.next();
            assertEquals("SKU-000000", first.get("sku").toString());
        }
    }

    private static org.apache.avro.Schema nonNull(org.apache.avro.Schema schema) {
        return schema.isNullable()
                ? schema.getTypes().stream()
                        .filter(t -> t.getType() != org.apache.avro.Schema.Type.NULL)
                        .findFirst()
                        .orElseThrow()
                : schema;
    }
}
