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

import java.util.Map;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.paging.PaginationStrategy;
import org.retailstream.nifi.paging.PagingProperties;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.ApiServer.Response;
import org.retailstream.nifi.support.PriceResponses;
import org.retailstream.nifi.support.Runners;

class PricePaginationTest {

    private ApiServer api;
    private TestRunner runner;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer();
        runner = Runners.withServices(new GetCompetitorPrices());
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, api.url("/prices"));
        runner.setProperty(GetCompetitorPrices.EMIT_STRATEGY, EmitStrategy.ALL);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void nextLinkInTheBody() throws Exception {
        runner.setProperty(PagingProperties.STRATEGY, PaginationStrategy.NEXT_LINK_IN_BODY);
        runner.setProperty(PagingProperties.NEXT_LINK_PATH, "/links/next");
        api.handle(
                "/prices",
                request -> request.query() == null
                        ? Response.json(page(0, 3, "\"links\":{\"next\":\"/prices?after=SKU-000002\"}"))
                        : Response.json(page(3, 2, "\"links\":{\"next\":null}")));

        runner.run();

        assertPolled(5, 2);
        assertEquals("after=SKU-000002", api.requests().get(1).query());
        runner.getFlowFilesForRelationship(PollingProperties.SUCCESS)
                .get(1)
                .assertAttributeEquals(PollingProperties.PAGE_NUMBER, "2");
    }

    @Test
    void linkHeader() throws Exception {
        runner.setProperty(PagingProperties.STRATEGY, PaginationStrategy.LINK_HEADER);
        api.handle(
                "/prices",
                request -> request.query() == null
                        ? Response.json(PriceResponses.array(0, 2))
                                .withHeader(
                                        "Link",
                                        "<" + api.url("/prices?page=2") + ">; rel=\"next\", <"
                                                + api.url("/prices?page=9") + ">; rel=\"last\"")
                        : Response.json(PriceResponses.array(2, 2)));

        runner.run();

        assertPolled(4, 2);
        assertEquals("page=2", api.requests().get(1).query());
    }

    @Test
    void pageNumbersUntilAnEmptyPage() throws Exception {
        runner.setProperty(PagingProperties.STRATEGY, PaginationStrategy.PAGE_NUMBER);
        runner.setProperty(PagingProperties.PAGE_PARAMETER, "p");
        runner.setProperty(PagingProperties.FIRST_PAGE, "0");
        api.handle("/prices", request -> switch (request.query()) {
            case "p=0" -> Response.json(PriceResponses.array(0, 2));
            case "p=1" -> Response.json(PriceResponses.array(2, 2));
            default -> Response.json("[]");
        });

        runner.run();

        assertPolled(4, 3);
    }

    @Test
    void offsetAndLimit() throws Exception {
        runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, api.url("/prices?region=eu"));
        runner.setProperty(PagingProperties.STRATEGY, PaginationStrategy.OFFSET);
        runner.setProperty(PagingProperties.PAGE_SIZE, "100");
        api.handle("/prices", request -> {
            Map<String, String> query = query(request.query());
            int offset = Integer.parseInt(query.get("offset"));
            int count = Math.max(0, Math.min(100, 250 - offset));
            return Response.json(PriceResponses.array(offset, count));
        });

        runner.run();

        assertPolled(250, 4);
        assertEquals("region=eu&offset=200&limit=100", api.requests().get(2).query());
    }

    @Test
    void cursorUntilItIsAbsent() throws Exception {
        runner.setProperty(PagingProperties.STRATEGY, PaginationStrategy.CURSOR);
        api.handle("/prices", request -> {
            String query = request.query();
            if (query == null) {
                return Response.json(page(0, 2, "\"next_cursor\":\"c1\""));
            }
            return query.equals("cursor=c1")
                    ? Response.json(page(2, 2, "\"next_cursor\":\"c2\""))
                    : Response.json(page(4, 1, "\"next_cursor\":\"\""));
        });

        runner.run();

        assertPolled(5, 3);
    }

    @Test
    void aRepeatedCursorStopsPagingInsteadOfLoopingForever() throws Exception {
        runner.setProperty(PagingProperties.STRATEGY, PaginationStrategy.CURSOR);
        api.handle("/prices", request -> Response.json(page(0, 2, "\"next_cursor\":\"same\"")));

        runner.run();

        assertPolled(4, 2);
    }

    @Test
    void maximumPagesBoundsAnEndlessApi() throws Exception {
        runner.setProperty(PagingProperties.STRATEGY, PaginationStrategy.PAGE_NUMBER);
        runner.setProperty(PagingProperties.MAX_PAGES, "3");
        api.handle("/prices", request -> Response.json(PriceResponses.array(0, 1)));

        runner.run();

        assertPolled(3, 3);
    }

    private void assertPolled(int records, int requests) throws Exception {
        assertEquals(requests, api.requests().size(), "requests");
        assertEquals(records, Runners.records(runner, PollingProperties.SUCCESS).size(), "records");
    }

    private static String page(int from, int count, String envelope) {
        return "{\"items\":" + PriceResponses.array(from, count) + "," + envelope + "}";
    }

    private static Map<String, String> query(String query) {
        return java.util.Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
