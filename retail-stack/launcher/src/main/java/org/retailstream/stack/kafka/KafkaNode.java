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
package org.retailstream.stack.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.process.Await;
import org.retailstream.stack.process.ChildProcess;
import org.retailstream.stack.process.JavaCommand;
import org.retailstream.stack.process.StackException;

/**
 * One node of the stack's Kafka cluster: Kafka's own KRaft server ({@code kafka.Kafka}) as a combined
 * broker and controller on 127.0.0.1, its log under {@code <data>/<home>/log}. The storage is formatted
 * on the node's first start only, so a later run keeps topics, offsets and transactions.
 */
final class KafkaNode {

    static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);

    /** Where a node lives and listens; {@code controllerPort} is fresh at each start of the cluster. */
    record Placement(int nodeId, String name, Path home, int port, int controllerPort) {}

    private final Placement placement;
    private final ChildProcess process;

    private KafkaNode(Placement placement, ChildProcess process) {
        this.placement = placement;
        this.process = process;
    }

    /** Starts the node's process (formatting its storage first if it has none); does not wait for it. */
    static KafkaNode launch(StackLayout layout, Placement placement, String voters, int clusterSize, String clusterId)
            throws IOException, InterruptedException {
        Path config = placement.home().resolve("server.properties");
        Files.createDirectories(placement.home());
        Files.writeString(config, serverProperties(placement, voters, clusterSize));
        Path lib = layout.runtimeLib("kafka");
        List<String> logging = List.of("-Dlog4j2.configurationFile=" + layout.log4jConfig(placement.name()));
        if (!formatted(placement.home())) {
            format(layout, placement, config, lib, logging, clusterId);
        }
        ChildProcess process = ChildProcess.start(
                placement.name(),
                JavaCommand.java()
                        .flags("-Xms512m", "-Xmx512m")
                        .flags(logging)
                        .libs(lib)
                        .main("kafka.Kafka", config.toString())
                        .build(),
                placement.home(),
                layout.log(placement.name()));
        return new KafkaNode(placement, process);
    }

    static boolean formatted(Path home) {
        return Files.exists(home.resolve("log").resolve("meta.properties"));
    }

    /** The cluster id a formatted node keeps in its meta.properties. */
    static Optional<String> clusterId(Path home) throws IOException {
        if (!formatted(home)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (var in = Files.newInputStream(home.resolve("log").resolve("meta.properties"))) {
            meta.load(in);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    private static void format(
            StackLayout layout, Placement placement, Path config, Path lib, List<String> logging, String clusterId)
            throws IOException {
        ChildProcess format = ChildProcess.start(
                "kafka-storage-format",
                JavaCommand.java()
                        .flags(logging)
                        .libs(lib)
                        .main("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
                        .build(),
                placement.home(),
                layout.log(placement.name()));
        Await.until("Kafka's storage format", FORMAT_TIMEOUT, null, () -> !format.isAlive());
        if (!formatted(placement.home())) {
            throw new StackException("Formatting Kafka's storage failed; see " + layout.log(placement.name()));
        }
    }

    static String serverProperties(Placement placement, String voters, int clusterSize) {
        // Internal topics as replicated as the cluster allows: with one broker a single replica, or
        // transactional producers (Flink's exactly-once sinks) wait forever for a coordinator.
        String replicas = Integer.toString(Math.min(3, clusterSize));
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(placement.nodeId()));
        settings.put("controller.quorum.voters", voters);
        settings.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + placement.port() + ",CONTROLLER://127.0.0.1:" + placement.controllerPort());
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + placement.port());
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", placement.home().resolve("log").toString());
        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.min.isr", clusterSize >= 3 ? "2" : "1");
        settings.put("default.replication.factor", replicas);
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("auto.create.topics.enable", "false");
        StringBuilder text =
                new StringBuilder("# Written by bin/run at every start; edit the launcher, not this file.\n");
        settings.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    Placement placement() {
        return placement;
    }

    ChildProcess process() {
        return process;
    }
}
