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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.retailstream.stack.reconcile.Identities;
import org.retailstream.testkit.Conditions;

/** The api-outage drill's fault: the simulated API on loopback answers 503 with Retry-After, then recovers. */
class CompetitorPriceApiOutageTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answers503WithRetryAfterDuringAnOutageAndPricesAfterIt() throws Exception {
        try (CompetitorPriceApi api = CompetitorPriceApi.start(7, "key")) {
            String url = api.endpointUrls().split(",")[0];
            assertEquals(200, get(url).statusCode());

            api.outage(Duration.ofSeconds(2));
            HttpResponse<String> refused = get(url);
            assertEquals(503, refused.statusCode());
            assertEquals(
                    String.valueOf(CompetitorPriceApi.RETRY_AFTER_SECONDS),
                    refused.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(1, api.refused());

            Conditions.await("the outage to end", Duration.ofSeconds(10), () -> status(url) == 200);
            JsonNode first = new ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(get(url).body())
                    .get(0);
            String competitor = first.get("competitor").asText();
            String price = Identities.plain(first.get("price").decimalValue()) + "|"
                    + first.get("availability").asText();
            assertTrue(url.contains("/competitors/" + competitor + "/"));
            assertEquals(
                    price,
                    api.currentPrices().get(competitor + "/" + first.get("sku").asText()),
                    "currentPrices is what the API answers");
        }
    }

    private int status(String url) throws InterruptedException {
        try {
            return get(url).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private HttpResponse<String> get(String url) throws java.io.IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-API-Key", "key")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
