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
package org.retailstream.nifi.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A real HTTP server on 127.0.0.1 that answers like the public APIs do, from scripted responses,
 * and records every request it got. Stands in for competitor and weather APIs in tests.
 */
public final class ApiServer implements AutoCloseable {

    /** One scripted answer; {@code body} is opened per request so large bodies are streamed. */
    public record Response(int status, Map<String, String> headers, Supplier<InputStream> body, long delayMillis) {

        public static Response json(String body) {
            return json(200, body);
        }

        public static Response json(int status, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Response(
                    status,
                    Map.of("Content-Type", "application/json"),
                    () -> new java.io.ByteArrayInputStream(bytes),
                    0);
        }

        public static Response status(int status, Map<String, String> headers) {
            return new Response(status, headers, InputStream::nullInputStream, 0);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Response(status, all, body, delayMillis);
        }

        public Response delayedBy(long millis) {
            return new Response(status, headers, body, millis);
        }
    }

    /** A request as the server saw it. */
    public record Request(URI uri, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String query() {
            return uri.getRawQuery();
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Response>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Function<Request, Response>> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public ApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** Answers the next requests to {@code path} with these responses, in order; the last one repeats. */
    public ApiServer script(String path, Response... responses) {
        scripted.put(path, new ArrayDeque<>(List.of(responses)));
        return this;
    }

    /** Answers every request to {@code path} by computing the response from the request. */
    public ApiServer handle(String path, Function<Request, Response> handler) {
        handlers.put(path, handler);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream()
                .filter(request -> request.uri().getPath().equals(path))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestURI(), Map.copyOf(exchange.getRequestHeaders()));
        requests.add(request);
        Response response = responseFor(request);
        try (exchange) {
            if (response.delayMillis() > 0) {
                Thread.sleep(response.delayMillis());
            }
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(response.status(), 0);
            try (InputStream body = response.body().get();
                    OutputStream out = exchange.getResponseBody()) {
                body.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // a client that timed out closes the connection; nothing to answer then
        }
    }

    private Response responseFor(Request request) {
        String path = request.uri().getPath();
        Function<Request, Response> handler = handlers.get(path);
        if (handler != null) {
            return handler.apply(request);
        }
        Deque<Response> queue = scripted.get(path);
        if (queue == null || queue.isEmpty()) {
            return Response.json(404, "{\"error\":\"not found\"}");
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
