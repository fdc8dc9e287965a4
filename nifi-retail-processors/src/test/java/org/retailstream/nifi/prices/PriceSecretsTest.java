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
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailstream.nifi.http.AuthenticationStrategy;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.ApiServer.Response;
import org.retailstream.nifi.support.PriceResponses;
import org.retailstream.nifi.support.Runners;

class PriceSecretsTest {

    private static final String SECRET = "sk_live_9d8c7b6a5f4e";

    private ApiServer api;
    private TestRunner runner;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer();
        runner = Runners.withServices(new GetCompetitorPrices());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theApiKeyGoesInItsHeaderAndNowhereElse() throws Exception {
        runner.setProperty(GetCompetitorPrices.AUTHENTICATION_STRATEGY, AuthenticationStrategy.API_KEY_HEADER);
        runner.setProperty(GetCompetitorPrices.API_KEY_HEADER_NAME, "X-Shop-Key");
        runner.setProperty(GetCompetitorPrices.API_KEY, SECRET);
        // A user who also pasted the key into the URL still does not see it in attributes or logs.
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, api.url("/prices?key=" + SECRET));
        api.script("/prices", Response.json(PriceResponses.array(0, 2)), Response.status(503, Map.of()));

        runner.run();
        runner.run();

        assertEquals(SECRET, api.requests().get(0).header("X-Shop-Key"));
        MockFlowFile out =
                runner.getFlowFilesForRelationship(PollingProperties.SUCCESS).get(0);
        assertFalse(out.getAttributes().toString().contains(SECRET));
        assertFalse(out.getContent().contains(SECRET), "source_url field is masked too");
        runner.getProvenanceEvents()
                .forEach(event -> assertFalse(event.getTransitUri().contains(SECRET)));
        assertFalse(runner.getLogger().getWarnMessages().isEmpty(), "the 503 was logged");
        assertFalse(Runners.logText(runner).contains(SECRET), Runners.logText(runner));
    }

    @Test
    void aBearerTokenIsSentAsAuthorization() throws Exception {
        runner.setProperty(GetCompetitorPrices.AUTHENTICATION_STRATEGY, AuthenticationStrategy.BEARER_TOKEN);
        runner.setProperty(GetCompetitorPrices.BEARER_TOKEN, SECRET);
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, api.url("/prices"));
        api.script("/prices", Response.json("[]"));

        runner.run();

        assertEquals("Bearer " + SECRET, api.requests().get(0).header("Authorization"));
    }

    @Test
    void aUrlThatIsNotHttpIsRejectedAtValidation() {
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, "ftp://prices.example/list, " + api.url("/prices"));
        runner.assertNotValid();
    }
}
