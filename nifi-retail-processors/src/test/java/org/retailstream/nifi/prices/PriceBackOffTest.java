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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.nifi.components.state.Scope;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.paging.PaginationStrategy;
import org.retailstream.nifi.paging.PagingProperties;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.ApiServer.Response;
import org.retailstream.nifi.support.MutableClock;
import org.retailstream.nifi.support.PriceResponses;
import org.retailstream.nifi.support.Runners;

/** HTTP 429, 5xx and timeouts: the poll is undone (no FlowFile, no state), and retried later in full. */
class PriceBackOffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private ApiServer api;
    private TestRunner runner;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer();
        runner = Runners.withServices(new GetCompetitorPrices(clock), "500 ms");
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, api.url("/prices"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSaysThenPollsInFull() throws Exception {
        api.script(
                "/prices",
                Response.status(429, java.util.Map.of("Retry-After", "120")),
                Response.json(PriceResponses.array(0, 5)));

        runner.run();
        assertNothingEmitted();
        assertTrue(runner.getStateManager().getState(Scope.CLUSTER).toMap().isEmpty(), "state not advanced");

        runner.run();
        assertEquals(1, api.requests().size(), "still inside Retry-After: no request");

        clock.advance(Duration.ofSeconds(121));
        runner.run();
        assertEquals(2, api.requests().size());
        assertEquals(5, Runners.records(runner, PollingProperties.SUCCESS).size());
    }

    @Test
    void retryAfterIsCappedByMaximumRetryAfter() throws Exception {
        runner.setProperty(PollingProperties.MAX_RETRY_AFTER, "30 s");
        api.script(
                "/prices",
                Response.status(503, java.util.Map.of("Retry-After", "86400")),
                Response.json(PriceResponses.array(0, 1)));

        runner.run();
        clock.advance(Duration.ofSeconds(29));
        runner.run();
        assertEquals(1, api.requests().size(), "the capped wait is still honoured: no request before 30 s");

        clock.advance(Duration.ofSeconds(2));
        runner.run();

        assertEquals(2, api.requests().size());
        assertEquals(1, Runners.records(runner, PollingProperties.SUCCESS).size());
    }

    @Test
    void aServerErrorOnALaterPageUndoesThePollAndTheRetryEmitsEveryPageOnce() throws Exception {
        runner.setProperty(PagingProperties.STRATEGY, PaginationStrategy.PAGE_NUMBER);
        int[] page2Calls = {0};
        api.handle("/prices", request -> switch (request.query()) {
            case "page=1" -> Response.json(PriceResponses.array(0, 3));
            case "page=2" ->
                page2Calls[0]++ == 0
                        ? Response.json(500, "{\"error\":\"internal\"}")
                        : Response.json(PriceResponses.array(3, 3));
            default -> Response.json("[]");
        });

        runner.run();
        assertNothingEmitted();
        assertTrue(runner.getStateManager().getState(Scope.CLUSTER).toMap().isEmpty());
        assertTrue(runner.isYieldCalled(), "a 5xx yields: NiFi waits the processor's yield duration");

        runner.run();
        List<JsonNode> records = Runners.records(runner, PollingProperties.SUCCESS);
        assertEquals(6, records.size(), "pages 1 and 2, each once");
        assertEquals(
                6,
                records.stream()
                        .map(record -> record.get("sku").asText())
                        .distinct()
                        .count());
        assertEquals(6, runner.getStateManager().getState(Scope.CLUSTER).toMap().size());
    }

    @Test
    void aTimeoutIsRetriedWithoutLosingOrDuplicatingAnything() throws Exception {
        api.script(
                "/prices",
                Response.json(PriceResponses.array(0, 2)).delayedBy(2_000),
                Response.json(PriceResponses.array(0, 2)));

        runner.run();
        assertNothingEmitted();
        assertTrue(runner.isYieldCalled(), "a timeout yields");

        runner.run();
        assertEquals(2, Runners.records(runner, PollingProperties.SUCCESS).size());
    }

    @Test
    void anUnreachableApiEmitsNothingAndNamesTheCause() throws Exception {
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, "http://127.0.0.1:1/prices");

        runner.run();

        assertNothingEmitted();
        assertTrue(runner.getLogger().getWarnMessages().stream()
                .anyMatch(message -> message.getMsg().contains("http://127.0.0.1:1/prices")));
    }

    private void assertNothingEmitted() {
        runner.assertTransferCount(PollingProperties.SUCCESS, 0);
        runner.assertTransferCount(PollingProperties.INVALID, 0);
        runner.assertTransferCount(PollingProperties.FAILURE, 0);
        assertEquals(0, runner.getQueueSize().getObjectCount());
    }
}
