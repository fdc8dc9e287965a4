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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
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
import org.retailstream.stack.process.Ports;

/**
 * The stack's Kafka: one node (the default; its home is {@code <data>/kafka}) or three
 * ({@code <data>/kafka-1..3}, on the client port and the two after it), each a combined broker and
 * controller, so three make a controller quorum that survives losing one. The catalogue's topics are
 * created by the bundle's provisioning code as a deployment would: with three brokers, replication
 * factor 3 and min.insync.replicas 2, the shape production runs.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final List<KafkaNode> nodes;

    private KafkaCluster(List<KafkaNode> nodes) {
        this.nodes = nodes;
    }

    /** Starts {@code brokers} nodes listening on {@code firstPort} and the ports after it; waits for all. */
    public static KafkaCluster start(StackLayout layout, int firstPort, int brokers)
            throws IOException, InterruptedException {
        List<KafkaNode.Placement> placements = new ArrayList<>();
        StringJoiner voters = new StringJoiner(",");
        for (int id = 1; id <= brokers; id++) {
            String name = brokers == 1 ? "kafka" : "kafka-" + id;
            KafkaNode.Placement placement =
                    new KafkaNode.Placement(id, name, layout.home(name), firstPort + id - 1, Ports.free());
            placements.add(placement);
            voters.add(id + "@127.0.0.1:" + placement.controllerPort());
        }
        String clusterId =
                existingClusterId(placements).orElseGet(() -> Uuid.randomUuid().toString());
        List<KafkaNode> nodes = new ArrayList<>();
        KafkaCluster cluster = new KafkaCluster(nodes);
        try {
            for (KafkaNode.Placement placement : placements) {
                nodes.add(KafkaNode.launch(layout, placement, voters.toString(), brokers, clusterId));
            }
            try (Admin admin = cluster.admin()) {
                Await.until(brokers + " Kafka broker(s) on " + cluster.bootstrapServers(), START_TIMEOUT, null, () -> {
                    nodes.forEach(node -> node.process().checkAlive());
                    return admin.describeCluster()
                                    .nodes()
                                    .get(5, TimeUnit.SECONDS)
                                    .size()
                            == brokers;
                });
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // Not yet the caller's to stop: nodes that never formed a cluster must not outlive the launcher.
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static Optional<String> existingClusterId(List<KafkaNode.Placement> placements) throws IOException {
        for (KafkaNode.Placement placement : placements) {
            Optional<String> id = KafkaNode.clusterId(placement.home());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    public String bootstrapServers() {
        StringJoiner servers = new StringJoiner(",");
        nodes.forEach(node -> servers.add("127.0.0.1:" + node.placement().port()));
        return servers.toString();
    }

    public int size() {
        return nodes.size();
    }

    /** The node processes, node 1 first. */
    public List<ChildProcess> processes() {
        return nodes.stream().map(KafkaNode::process).toList();
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
                    null,
                    () -> admin.describeTopics(names).allTopicNames().get().values().stream()
                            .allMatch(topic -> topic.partitions().stream().allMatch(p -> p.leader() != null)));
            return report;
        }
    }

    /** kill -9 of node {@code nodeId}; it stays down. Returns its pid. */
    public long kill(int nodeId) {
        ChildProcess node = nodes.get(nodeId - 1).process();
        node.kill();
        return node.pid();
    }

    /** Stops every node (SIGTERM: a clean shutdown), last node first. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).process().stop(Duration.ofSeconds(60));
        }
    }
}
