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
package org.retailstream.stack.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP to a part's REST API (Flink's, NiFi's): a call that does not answer 2xx fails with
 * the call, the status and the part's own message, which is what a person needs to see.
 */
public final class JsonHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /** @param base the API's root, e.g. {@code http://127.0.0.1:8081} or {@code http://127.0.0.1:8080/nifi-api} */
    public JsonHttp(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** {@code method path} with {@code body} (null for none) as JSON; the answer, or an empty object. */
    public JsonNode send(String method, String path, JsonNode body) throws IOException {
        return send(
                method + " " + path,
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build());
    }

    /** A request built by the caller (an upload, say), answered in JSON. */
    public JsonNode send(String call, HttpRequest request) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted during " + call, e);
        }
        if (response.statusCode() >= 300) {
            throw new IOException(call + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
