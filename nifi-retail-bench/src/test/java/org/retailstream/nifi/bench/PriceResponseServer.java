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
package org.retailstream.nifi.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.PriceResponses;

/** Serves the generated price responses of the benchmark on loopback, the same bytes to every contender. */
final class PriceResponseServer implements AutoCloseable {

    private final ApiServer server;

    PriceResponseServer(int... sizes) throws IOException {
        server = new ApiServer();
        for (int size : sizes) {
            byte[] body = PriceResponses.array(0, size).getBytes(StandardCharsets.UTF_8);
            server.script(
                    path(size),
                    new ApiServer.Response(
                            200, Map.of("Content-Type", "application/json"), () -> new ByteArrayInputStream(body), 0));
        }
    }

    String url(int size) {
        return server.url(path(size));
    }

    private static String path(int size) {
        return "/prices-" + size;
    }

    @Override
    public void close() {
        server.close();
    }
}
