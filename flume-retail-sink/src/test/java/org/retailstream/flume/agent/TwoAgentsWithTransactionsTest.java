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
package org.retailstream.flume.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.retailstream.flume.support.Records.header;
import static org.retailstream.flume.support.Records.value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.flume.support.FlumeAgent;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * Two agents, each a process of its own as flume-ng starts them ({@code -n north}, {@code -n south}),
 * with the same sink name and Kafka transactions on, against one broker: each gets a transactional id
 * of its own (host, agent and sink in it), so neither fences the other and both deliver everything.
 */
class TwoAgentsWithTransactionsTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    private static final int LINES_PER_AGENT = 2_000;

    @Test
    void agentsWithTheSameSinkNameDoNotFenceEachOther(@TempDir Path dir) throws Exception {
        KAFKA.createTopic("two_agents", 3);
        List<Process> agents = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        try {
            Map<String, Integer> metricsPorts = new HashMap<>();
            for (String name : List.of("north", "south")) {
                Path home = Files.createDirectories(dir.resolve(name));
                Files.createDirectories(home.resolve("spool"));
                metricsPorts.put(name, freePort());
                agents.add(start(name, home, metricsPorts.get(name)));
            }
            // Both sinks running before either has work, so their batches interleave: with one shared
            // transactional id, each producer's start would fence the other's transactions.
            for (String name : metricsPorts.keySet()) {
                Conditions.await(
                        name + "'s sink to run", Duration.ofSeconds(60), () -> sinkRunning(metricsPorts.get(name)));
            }
            for (String name : List.of("north", "south")) {
                Path home = dir.resolve(name);
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < LINES_PER_AGENT; i++) {
                    lines.add(name + " line " + i);
                }
                expected.addAll(lines);
                // spooldir wants complete files: write beside the folder, then move in.
                Files.move(Files.write(home.resolve("batch.log"), lines), home.resolve("spool/batch.log"));
            }

            List<ConsumerRecord<byte[], byte[]>> records =
                    KAFKA.consumeUntil("two_agents", 2 * LINES_PER_AGENT, Duration.ofSeconds(120));
            records = KAFKA.consumeAll("two_agents", Duration.ofSeconds(30));

            assertEquals(2 * LINES_PER_AGENT, records.size(), "every line of both agents, once (read_committed)");
            Set<String> delivered = new HashSet<>();
            Map<String, Integer> bySink = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                delivered.add(value(record));
                bySink.merge(header(record, "retail.sink"), 1, Integer::sum);
            }
            assertEquals(expected, delivered);
            assertEquals(Map.of("north.k1", LINES_PER_AGENT, "south.k1", LINES_PER_AGENT), bySink);
            for (String name : List.of("north", "south")) {
                String log = Files.readString(dir.resolve(name).resolve("agent.log"));
                // A shared transactional id would show as one producer fencing the other.
                assertFalse(log.contains("Fenced"), name + " was fenced:\n" + log);
            }
        } finally {
            for (Process agent : agents) {
                agent.destroy();
                if (!agent.waitFor(30, TimeUnit.SECONDS)) {
                    agent.destroyForcibly();
                }
            }
        }
    }

    /** {@code flume-ng agent -n <name> -f <file>}: Flume's Application in a JVM of its own, this test's classpath. */
    private static boolean sinkRunning(int metricsPort) {
        try {
            String metrics = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            return metrics.contains("\"SINK.k1\"") && metrics.contains("\"SOURCE.r1\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Process start(String name, Path home, int metricsPort) throws IOException {
        Path spool = home.resolve("spool");
        Map<String, String> c = new HashMap<>();
        c.put("sources", "r1");
        c.put("channels", "c1");
        c.put("sinks", "k1");
        c.put("sources.r1.type", "spooldir");
        c.put("sources.r1.spoolDir", spool.toString());
        c.put("sources.r1.channels", "c1");
        c.put("channels.c1.type", "memory");
        c.put("channels.c1.capacity", "10000");
        c.put("channels.c1.transactionCapacity", "1000");
        c.put("sinks.k1.type", "org.retailstream.flume.EnrichingKafkaSink");
        c.put("sinks.k1.channel", "c1");
        c.put("sinks.k1.kafka.bootstrap.servers", KAFKA.bootstrapServers());
        c.put("sinks.k1.kafka.topic", "two_agents");
        c.put("sinks.k1.kafka.transactions", "true");
        c.put("sinks.k1.flumeBatchSize", "200");
        Path file = FlumeAgent.writeConfig(name, c, home);
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dflume.monitoring.type=org.retailstream.flume.metrics.LoopbackHttpMetrics",
                        "-Dflume.monitoring.port=" + metricsPort,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.apache.flume.node.Application",
                        "-n",
                        name,
                        "-f",
                        file.toString(),
                        "--no-reload-conf")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("agent.log").toFile())
                .start();
    }
}
