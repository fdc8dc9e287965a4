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

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.apache.flume.Context;
import org.apache.flume.instrumentation.MonitorService;
import org.apache.flume.instrumentation.util.JMXPollUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flume's JSON metrics over HTTP ({@code GET /metrics}, the same document as Flume's own {@code http}
 * monitoring), bound to one address: Flume 1.11's {@code HTTPMetricsServer} takes a port only and listens
 * on every interface. Enable with {@code -Dflume.monitoring.type=org.retailstream.flume.metrics.LoopbackHttpMetrics
 * -Dflume.monitoring.port=41414}; {@code -Dflume.monitoring.host} (default 127.0.0.1) opens it wider.
 */
public final class LoopbackHttpMetrics implements MonitorService {

    /** Where to listen; default 127.0.0.1. */
    public static final String CONFIG_HOST = "host";

    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The port; default 41414, Flume's own. */
    public static final String CONFIG_PORT = "port";

    public static final int DEFAULT_PORT = 41414;

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackHttpMetrics.class);

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private HttpServer server;

    @Override
    public void configure(Context context) {
        host = context.getString(CONFIG_HOST, DEFAULT_HOST);
        port = context.getInteger(CONFIG_PORT, DEFAULT_PORT);
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve Flume's metrics on " + host + ":" + port, e);
        }
        server.createContext("/metrics", LoopbackHttpMetrics::metrics);
        server.start();
        LOG.info(
                "Flume metrics at http://{}:{}/metrics",
                host,
                server.getAddress().getPort());
    }

    /** The address it listens on, once started (the port chosen when configured with 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = new Gson().toJson(JMXPollUtil.getAllMBeans()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
