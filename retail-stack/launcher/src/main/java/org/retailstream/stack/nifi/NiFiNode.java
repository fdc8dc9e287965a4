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
package org.retailstream.stack.nifi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.process.Await;
import org.retailstream.stack.process.ChildProcess;
import org.retailstream.stack.process.JavaCommand;
import org.retailstream.stack.process.Ports;

/**
 * NiFi 2.3.0 as a process of its own, from the runtime the build assembled ({@code runtimes/nifi/lib}:
 * nifi-bootstrap is not published, so NiFi's main class is started directly, as the bootstrap would),
 * unsecured on 127.0.0.1 with site-to-site over HTTP. Its flow, state and repositories live in
 * {@code <data>/nifi}, so a second run keeps the flow and the pollers' state.
 */
public final class NiFiNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> CONF_FILES = List.of("nifi.properties", "state-management.xml", "logback.xml");

    private final int port;
    private final ChildProcess process;
    private final NiFiRest rest;

    private NiFiNode(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
        this.rest = new NiFiRest(api());
    }

    /** Starts the process; {@link #awaitUp()} waits for it to answer. */
    public static NiFiNode start(StackLayout layout, int port) throws IOException {
        Path home = layout.home("nifi");
        Path conf = home.resolve("conf");
        Files.createDirectories(conf);
        for (String file : CONF_FILES) {
            try (InputStream in = NiFiNode.class.getResourceAsStream("conf/" + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("HTTP_PORT", Integer.toString(port))
                        .replace("NAR_LIB", layout.runtimeLib("nifi").toString());
                Files.writeString(conf.resolve(file), text);
            }
        }
        List<String> flags = new ArrayList<>(List.of(
                "-Xms256m",
                "-Xmx768m",
                "-Dnifi.properties.file.path=" + conf.resolve("nifi.properties"),
                "-Dorg.apache.nifi.bootstrap.config.log.dir=" + layout.logs(),
                // NiFi's management server binds 127.0.0.1:52020 by default: a second NiFi on the
                // machine (another run, a test) would stop this one from starting.
                "-Dorg.apache.nifi.management.server.address=127.0.0.1:" + Ports.free()));
        for (String module : List.of("java.lang", "java.nio", "java.net", "java.util", "sun.nio.ch")) {
            flags.add("--add-opens=java.base/" + module + "=ALL-UNNAMED");
        }
        ChildProcess process = ChildProcess.start(
                "nifi",
                JavaCommand.java()
                        .flags(flags)
                        .classpath(conf)
                        .libs(layout.runtimeLib("nifi"))
                        .main("org.apache.nifi.NiFi")
                        .build(),
                home,
                layout.log("nifi"));
        return new NiFiNode(port, process);
    }

    /** Waits for the REST API; NiFi takes 20-40 s to load its NARs, so the launcher starts other parts meanwhile. */
    public void awaitUp() {
        Await.until("NiFi's REST API on " + ui(), START_TIMEOUT, process, rest::isUp);
    }

    public URI ui() {
        return URI.create("http://127.0.0.1:" + port + "/nifi");
    }

    /** The REST API's base, {@code http://127.0.0.1:<port>/nifi-api}. */
    public URI api() {
        return URI.create("http://127.0.0.1:" + port + "/nifi-api");
    }

    public NiFiRest rest() {
        return rest;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        // NiFi's own shutdown hook stops the flow and syncs its repositories.
        process.stop(Duration.ofSeconds(60));
    }
}
