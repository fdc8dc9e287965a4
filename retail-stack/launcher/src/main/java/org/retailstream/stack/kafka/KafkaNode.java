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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.retailstream.events.provision.ProvisionReport;
import org.retailstream.events.provision.ProvisionerOptions;
import org.retailstream.events.provision.TopicProvisioner;
import org.retailstream.events.provision.TopicSpec;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.process.Await;
import org.retailstream.stack.process.ChildProcess;
import org.retailstream.stack.process.JavaCommand;
import org.retailstream.stack.process.Ports;
import org.retailstream.stack.process.StackException;

/**
 * Kafka's own KRaft server ({@code kafka.Kafka}) as one combined broker and controller on 127.0.0.1,
 * its log under {@code <data>/kafka/log}: the storage is formatted on the first start only, so a
 * second run keeps topics, offsets and transactions. The catalogue's topics are then created by the
 * bundle's provisioning code, as a deployment would.
 */
public final class KafkaNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final int port;
    private final ChildProcess process;

    private KafkaNode(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    public static KafkaNode start(StackLayout layout, int port) throws IOException, InterruptedException {
        Path home = layout.home("kafka");
        Path config = home.resolve("server.properties");
        Files.createDirectories(home);
        Files.writeString(config, serverProperties(home.resolve("log"), port, Ports.free()));
        Path lib = layout.runtimeLib("kafka");
        List<String> logging = List.of("-Dlog4j2.configurationFile=" + layout.log4jConfig("kafka"));
        if (!Files.exists(home.resolve("log").resolve("meta.properties"))) {
            format(layout, home, config, lib, logging);
        }
        ChildProcess process = ChildProcess.start(
                "kafka",
                JavaCommand.java()
                        .flags("-Xms512m", "-Xmx512m")
                        .flags(logging)
                        .libs(lib)
                        .main("kafka.Kafka", config.toString())
                        .build(),
                home,
                layout.log("kafka"));
        KafkaNode node = new KafkaNode(port, process);
        try (Admin admin = node.admin()) {
            Await.until(
                    "the Kafka broker on " + node.bootstrapServers(),
                    START_TIMEOUT,
                    process,
                    () -> !admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty());
        } catch (RuntimeException e) {
            // Not yet the caller's to stop: a broker that never came up must not outlive the launcher.
            node.close();
            throw e;
        }
        return node;
    }

    private static void format(StackLayout layout, Path home, Path config, Path lib, List<String> logging)
            throws IOException, InterruptedException {
        ChildProcess format = ChildProcess.start(
                "kafka-storage-format",
                JavaCommand.java()
                        .flags(logging)
                        .libs(lib)
                        .main(
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                Uuid.randomUuid().toString(),
                                "-c",
                                config.toString())
                        .build(),
                home,
                layout.log("kafka"));
        Await.until("Kafka's storage format", START_TIMEOUT, null, () -> !format.isAlive());
        if (!Files.exists(home.resolve("log").resolve("meta.properties"))) {
            throw new StackException("Formatting Kafka's storage failed; see " + layout.log("kafka"));
        }
    }

    static String serverProperties(Path logDir, int port, int controllerPort) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", logDir.toString());
        // One broker: internal topics with one replica, or transactional producers (Flink's
        // exactly-once sinks) wait forever for a coordinator.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("auto.create.topics.enable", "false");
        StringBuilder text =
                new StringBuilder("# Written by bin/run at every start; edit the launcher, not this file.\n");
        settings.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    public Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return Admin.create(properties);
    }

    /** Creates every catalogue topic and dead-letter topic that does not exist yet; waits for their leaders. */
    public ProvisionReport provisionTopics() throws Exception {
        try (Admin admin = admin()) {
            ProvisionReport report = new TopicProvisioner(admin)
                    .provision(
                            TopicSpec.catalogue(),
                            new ProvisionerOptions(bootstrapServers(), Optional.empty(), Optional.empty()));
            List<String> names =
                    TopicSpec.catalogue().stream().map(TopicSpec::name).toList();
            Await.until(
                    "leaders of every topic",
                    START_TIMEOUT,
                    process,
                    () -> admin.describeTopics(names).allTopicNames().get().values().stream()
                            .allMatch(topic -> topic.partitions().stream().allMatch(p -> p.leader() != null)));
            return report;
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(60));
    }
}
