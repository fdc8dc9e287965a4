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
package org.retailstream.nifi.e2e.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.nifi.NiFiNode;
import org.retailstream.stack.process.Ports;

/**
 * A real NiFi 2.3.0 for these tests: the run command's own NiFi (the launcher's {@link NiFiNode}, from
 * the runtime retail-stack assembles) in a fresh folder under target/, on a free loopback port.
 */
public final class NiFiRuntime implements AutoCloseable {

    private final StackLayout layout;
    private final NiFiNode node;

    private NiFiRuntime(StackLayout layout, NiFiNode node) {
        this.layout = layout;
        this.node = node;
    }

    public static NiFiRuntime start() throws IOException {
        StackLayout layout = new StackLayout(
                Path.of("target", "nifi-e2e"),
                Path.of(System.getProperty("retail.runtimes")),
                Path.of(System.getProperty("retail.templates")).getParent());
        layout.prepare(true);
        NiFiNode node = NiFiNode.start(layout, Ports.free());
        // A test JVM that dies must not leave NiFi running on the machine.
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        try {
            node.awaitUp();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return new NiFiRuntime(layout, node);
    }

    public URI api() {
        return node.api();
    }

    public Path appLog() {
        return layout.logs().resolve("nifi-app.log");
    }

    @Override
    public void close() {
        node.close();
    }
}
