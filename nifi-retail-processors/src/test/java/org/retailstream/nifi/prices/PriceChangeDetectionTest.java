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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.nifi.components.state.Scope;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.ApiServer.Response;
import org.retailstream.nifi.support.MutableClock;
import org.retailstream.nifi.support.PriceResponses;
import org.retailstream.nifi.support.Runners;

class PriceChangeDetectionTest {

    private ApiServer api;
    private TestRunner runner;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer();
        runner = newRunner();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void onlyChangedPricesAreEmittedAcrossPolls() throws Exception {
        api.script("/prices", Response.json(PriceResponses.array(0, 4)));
        runner.run();
        assertEquals(4, Runners.records(runner, PollingProperties.SUCCESS).size());

        runner.clearTransferState();
        runner.run();
        runner.assertTransferCount(PollingProperties.SUCCESS, 0);

        String changed = PriceResponses.array(0, 4).replace("\"price\":10.02", "\"price\":9.99");
        api.script("/prices", Response.json(changed));
        runner.clearTransferState();
        runner.run();
        List<JsonNode> records = Runners.records(runner, PollingProperties.SUCCESS);
        assertEquals(1, records.size());
        assertEquals("SKU-000002", records.get(0).get("sku").asText());
    }

    @Test
    void stateSurvivesARestartSoTheNewInstanceEmitsNothingAlreadySent() throws Exception {
        api.script("/prices", Response.json(PriceResponses.array(0, 4)));
        runner.run();
        Map<String, String> persisted =
                runner.getStateManager().getState(Scope.CLUSTER).toMap();
        assertEquals(4, persisted.size());

        TestRunner restarted = newRunner();
        restarted.getStateManager().setState(persisted, Scope.CLUSTER);
        restarted.run();

        restarted.assertTransferCount(PollingProperties.SUCCESS, 0);
    }

    @Test
    void allPricesEmitsEveryPollAndKeepsNoState() throws Exception {
        runner.setProperty(GetCompetitorPrices.EMIT_STRATEGY, EmitStrategy.ALL);
        api.script("/prices", Response.json(PriceResponses.array(0, 3)));

        runner.run(2);

        assertEquals(6, Runners.records(runner, PollingProperties.SUCCESS).size());
        assertTrue(runner.getStateManager().getState(Scope.CLUSTER).toMap().isEmpty());
    }

    @Test
    void trackedPricesAreBoundedAndForgottenOnesAreEmittedAgain() throws Exception {
        runner.setProperty(GetCompetitorPrices.MAX_TRACKED_PRICES, "5");
        api.script("/prices", Response.json(PriceResponses.array(0, 8)));

        runner.run();
        assertEquals(5, runner.getStateManager().getState(Scope.CLUSTER).toMap().size());

        runner.clearTransferState();
        runner.run();
        int again = Runners.records(runner, PollingProperties.SUCCESS).size();
        assertTrue(again > 0 && again < 8, "some forgotten prices come again, not all: " + again);
    }

    private TestRunner newRunner() throws Exception {
        TestRunner fresh =
                Runners.withServices(new GetCompetitorPrices(new MutableClock(Instant.parse("2026-11-28T10:00:00Z"))));
        fresh.setProperty(GetCompetitorPrices.ENDPOINT_URLS, api.url("/prices"));
        return fresh;
    }
}
