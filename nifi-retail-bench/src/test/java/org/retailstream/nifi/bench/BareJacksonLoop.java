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
package org.retailstream.nifi.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.retailstream.nifi.json.Json;

/**
 * The ceiling: fetch the response and turn each item into the same JSON record with Jackson's
 * streaming API and nothing else (no NiFi, no validation beyond what the output needs).
 */
final class BareJacksonLoop implements Contender {

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public String name() {
        return "bare Jackson loop";
    }

    @Override
    public long run(String url) throws Exception {
        HttpResponse<InputStream> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long records = 0;
        try (InputStream body = response.body();
                JsonParser parser = Json.MAPPER.createParser(body);
                JsonGenerator json = Json.MAPPER.createGenerator(out)) {
            parser.nextToken();
            json.writeStartArray();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode item = Json.MAPPER.readTree(parser);
                json.writeStartObject();
                json.writeStringField("competitor", item.get("competitor").asText());
                json.writeStringField("sku", item.get("sku").asText());
                json.writeNumberField("price", item.get("price").decimalValue().setScale(4));
                json.writeStringField("currency", item.get("currency").asText());
                json.writeStringField(
                        "availability", item.get("availability").asText().toUpperCase());
                json.writeStringField("product_url", item.get("product_url").asText());
                json.writeStringField("observed_at", item.get("observed_at").asText());
                json.writeStringField("source_url", url);
                json.writeEndObject();
                records++;
            }
            json.writeEndArray();
        }
        return records;
    }
}
