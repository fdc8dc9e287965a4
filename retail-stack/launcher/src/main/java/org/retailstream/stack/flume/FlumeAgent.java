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
package org.retailstream.stack.flume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.process.ChildProcess;
import org.retailstream.stack.process.JavaCommand;

/**
 * A real Flume agent ({@code org.apache.flume.node.Application}) running one of the shipped templates
 * from {@code templates/flume/}, with only what must change on this machine rewritten: where it
 * tails, where its file channel and positions live, and the Kafka brokers. Its counters are served
 * as Flume's JSON monitoring document on a loopback port (the sink jar's LoopbackHttpMetrics).
 */
public final class FlumeAgent implements AutoCloseable {

    private final StackLayout layout;
    private final String name;
    private final Path home;
    private final Path config;
    private final ChildProcess process;
    private final int metricsPort;

    private FlumeAgent(StackLayout layout, String name, Path home, Path config, int metricsPort) throws IOException {
        this.layout = layout;
        this.name = name;
        this.home = home;
        this.config = config;
        this.metricsPort = metricsPort;
        String part = "flume-" + name;
        this.process = ChildProcess.start(
                part,
                JavaCommand.java()
                        .flags("-Xmx384m")
                        .flags("-Dlog4j.configurationFile=" + layout.log4jConfig(part))
                        // Flume's own http monitoring listens on every interface; this one on 127.0.0.1 only.
                        .flags(
                                "-Dflume.monitoring.type=org.retailstream.flume.metrics.LoopbackHttpMetrics",
                                "-Dflume.monitoring.port=" + metricsPort)
                        .libs(layout.runtimeLib("flume"))
                        .main(
                                "org.apache.flume.node.Application",
                                "-n",
                                name,
                                "-f",
                                config.toString(),
                                "--no-reload-conf")
                        .build(),
                home,
                layout.log(part));
    }

    /**
     * Starts agent {@code name} of {@code template}, tailing files matching {@code tailRegex} (a
     * TAILDIR file-group pattern) and delivering to {@code bootstrapServers}.
     */
    public static FlumeAgent start(
            StackLayout layout,
            String template,
            String name,
            String tailRegex,
            String bootstrapServers,
            int metricsPort)
            throws IOException {
        Path home = layout.home("flume").resolve(name);
        Files.createDirectories(home);
        String text = Files.readString(layout.templates().resolve("flume").resolve(template));
        Path config = home.resolve(name + "-agent.properties");
        Files.writeString(config, AgentTemplate.localize(text, name, home, tailRegex, bootstrapServers));
        return new FlumeAgent(layout, name, home, config, metricsPort);
    }

    /**
     * The same agent again, after its process ended: same configuration, file channel and TAILDIR
     * positions, so it carries on where its last committed transaction left it.
     */
    public FlumeAgent startAgain() throws IOException {
        return new FlumeAgent(layout, name, home, config, metricsPort);
    }

    public String name() {
        return name;
    }

    public ChildProcess process() {
        return process;
    }

    /** Flume's JSON counters, e.g. {@code SINK.kafka.EventDrainSuccessCount}. */
    public java.net.URI metrics() {
        return java.net.URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
    }

    @Override
    public void close() {
        // Flume's shutdown hook commits or rolls back the open channel transactions.
        process.stop(Duration.ofSeconds(30));
    }
}
