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
package org.retailstream.flume.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.flume.Context;
import org.apache.flume.instrumentation.SinkCounter;
import org.junit.jupiter.api.Test;

/**
 * The metrics service on a real HTTP server: the counters Flume registers in JMX as JSON, on the
 * loopback address unless told otherwise.
 */
class LoopbackHttpMetricsTest {

    @Test
    void servesFlumesCountersOnLoopbackOnly() throws Exception {
        SinkCounter counter = new SinkCounter("probe");
        counter.start();
        counter.addToEventDrainSuccessCount(7);
        LoopbackHttpMetrics metrics = new LoopbackHttpMetrics();
        metrics.configure(new Context(Map.of(LoopbackHttpMetrics.CONFIG_PORT, "0")));
        metrics.start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            assertTrue(metrics.address().getAddress().isLoopbackAddress(), "bound to " + metrics.address());
            URI uri = URI.create("http://127.0.0.1:" + metrics.address().getPort() + "/metrics");

            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("\"SINK.probe\""), response.body());
            assertTrue(response.body().contains("\"EventDrainSuccessCount\":\"7\""), response.body());

            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        } finally {
            metrics.stop();
            counter.stop();
        }
    }
}
