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
package org.retailstream.stack.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the dashboard on 127.0.0.1 with the JDK's own HTTP server (a page, two files, a JSON state and
 * an event stream need nothing more): {@code /} the page, {@code /api/state} the state as JSON,
 * {@code /api/events} the state again on each change as server-sent events.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    /** How often a change is looked for: the page moves at most this often. */
    static final Duration PUBLISH_EVERY = Duration.ofMillis(500);

    static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(15);
    // Nothing on the page comes from elsewhere: it works offline and cannot leak to a third party.
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    private final DashboardModel model;
    private final ObjectMapper json = new ObjectMapper();
    private final StaticAssets assets = new StaticAssets();
    private final EventStream events = new EventStream();
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService publisher;
    private long published = -1;
    private long lastWriteNanos = System.nanoTime();

    private DashboardServer(DashboardModel model, int port) throws IOException {
        this.model = model;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.handlers = Executors.newFixedThreadPool(2, daemon("dashboard-http"));
        this.publisher = Executors.newSingleThreadScheduledExecutor(daemon("dashboard-publisher"));
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
    }

    /** Starts serving {@code model} on 127.0.0.1:{@code port} (0 picks a free port). */
    public static DashboardServer start(DashboardModel model, int port) throws IOException {
        DashboardServer dashboard = new DashboardServer(model, port);
        dashboard.server.start();
        dashboard.publisher.scheduleWithFixedDelay(
                dashboard::publishChanges, 0, PUBLISH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Dashboard at {}", dashboard.url());
        return dashboard;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.equals("/api/events")) {
            events.open(exchange, stateJson()); // stays open: the publisher writes to it
            return;
        }
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/api/state")) {
                send(exchange, 200, "application/json", stateJson().getBytes(StandardCharsets.UTF_8));
            } else {
                Optional<StaticAssets.Asset> asset = assets.find(path);
                if (asset.isPresent()) {
                    send(exchange, 200, asset.get().contentType(), asset.get().bytes());
                } else {
                    send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String stateJson() {
        try {
            return json.writeValueAsString(model.state());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On the publisher thread: the state to every page when it changed, else now and then a keep-alive. */
    private void publishChanges() {
        try {
            long version = model.version();
            if (version != published) {
                published = version;
                events.publish(stateJson());
                lastWriteNanos = System.nanoTime();
            } else if (System.nanoTime() - lastWriteNanos > KEEP_ALIVE_EVERY.toNanos()) {
                events.keepAlive();
                lastWriteNanos = System.nanoTime();
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and go on with the next change.
            LOG.warn("Publishing the dashboard state failed", e);
        }
    }

    /** Pages listening for changes now. */
    public int listeners() {
        return events.listeners();
    }

    @Override
    public void close() {
        publisher.shutdownNow();
        events.close();
        server.stop(0);
        handlers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
