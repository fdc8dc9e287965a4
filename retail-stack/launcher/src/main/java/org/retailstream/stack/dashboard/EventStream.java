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

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages listening for changes, over server-sent events: each gets the whole state as an event named
 * {@code state}. A page that went away is dropped at the next write; the browser's EventSource
 * reconnects by itself after {@value #RETRY_MS} ms when the stream breaks.
 */
final class EventStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int RETRY_MS = 2_000;

    private final List<HttpExchange> listeners = new CopyOnWriteArrayList<>();

    /** Opens the stream of {@code exchange} and sends it {@code stateJson} at once. */
    void open(HttpExchange exchange, String stateJson) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        if (write(exchange, "retry: " + RETRY_MS + "\n\n" + stateEvent(stateJson))) {
            listeners.add(exchange);
        }
    }

    /** Sends the state to every open page. */
    void publish(String stateJson) {
        sendToAll(stateEvent(stateJson));
    }

    /** A comment line: keeps proxies from closing an idle stream and finds pages that went away. */
    void keepAlive() {
        sendToAll(": keep-alive\n\n");
    }

    int listeners() {
        return listeners.size();
    }

    private void sendToAll(String text) {
        for (HttpExchange listener : listeners) {
            if (!write(listener, text)) {
                listeners.remove(listener);
            }
        }
    }

    private static String stateEvent(String json) {
        // JSON from Jackson has no raw line breaks, so the whole state fits one data line.
        return "event: state\ndata: " + json + "\n\n";
    }

    private static boolean write(HttpExchange exchange, String text) {
        try {
            OutputStream body = exchange.getResponseBody();
            synchronized (exchange) {
                body.write(text.getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
            return true;
        } catch (IOException gone) {
            LOG.debug("A dashboard page went away: {}", gone.getMessage());
            exchange.close();
            return false;
        }
    }

    @Override
    public void close() {
        listeners.forEach(HttpExchange::close);
        listeners.clear();
    }
}
