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
package org.retailstream.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Kafka's own server started on what a finished run left in its data folder, with the configuration
 * that run wrote: to audit, after the fact, everything both runs committed.
 */
final class KafkaFromDataFolder implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    private KafkaFromDataFolder(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaFromDataFolder start(Path data) throws Exception {
        Path config = data.resolve("kafka/server.properties");
        Properties server = new Properties();
        try (var in = Files.newBufferedReader(config)) {
            server.load(in);
        }
        String bootstrap = server.getProperty("advertised.listeners").replace("PLAINTEXT://", "");
        Path runtimes = Path.of(System.getProperty("retail.runtimes"));
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-Dlog4j2.configurationFile=" + data.resolve("conf/kafka-log4j2.properties"),
                        "-cp",
                        runtimes.resolve("kafka/lib/*").toString(),
                        "kafka.Kafka",
                        config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("logs/kafka-audit-console.log").toFile())
                .start();
        KafkaFromDataFolder kafka = new KafkaFromDataFolder(process, bootstrap);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                try {
                    client.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    break;
                } catch (Exception notYet) {
                    if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                        kafka.close();
                        throw new AssertionError("Kafka did not start on the data folder " + data, notYet);
                    }
                }
            }
        }
        return kafka;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
