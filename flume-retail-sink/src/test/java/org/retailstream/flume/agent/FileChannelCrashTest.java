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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flume.node.Application;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.flume.support.AgentTemplate;
import org.retailstream.flume.support.FlumeAgent;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * templates/flume/pos-logs-agent.properties as shipped (only paths and brokers changed), run by
 * flume-ng's own entry point in a process of its own, killed with SIGKILL mid-stream and started
 * again on the same directories: every line reaches Kafka, and the lines sent twice (the file
 * channel's uncommitted takes, TAILDIR's last unsaved position) carry the same event id, so a
 * consumer can drop them.
 */
@Tag("slow")
class FileChannelCrashTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    private static final int LINES = 200_000;
    private static final Duration WAIT = Duration.ofSeconds(180);

    @Test
    void aKilledAgentLosesNothingAndItsDuplicatesShareTheirEventIds(@TempDir Path dir) throws Exception {
        Path log = writeLines(Files.createDirectories(dir.resolve("input")).resolve("pos-1.log"));
        Map<String, String> config = AgentTemplate.load(
                AgentTemplate.shipped("pos-logs-agent.properties"),
                "pos",
                dir,
                dir.resolve("input").toString() + "/.*\\.log",
                KAFKA.bootstrapServers());
        Path file = FlumeAgent.writeConfig("pos", config, dir);

        Process first = startAgent(file, dir.resolve("agent-1.log"));
        Conditions.await("a fifth of the lines in Kafka", WAIT, () -> recordsInKafka() >= LINES / 5);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no channel checkpoint, no position save
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        long atTheCrash = recordsInKafka();
        assertTrue(atTheCrash < LINES, "killed mid-stream: " + atTheCrash + " of " + LINES + " delivered");

        Process second = startAgent(file, dir.resolve("agent-2.log"));
        try {
            Conditions.await("every line in Kafka", WAIT, () -> recordsInKafka() >= LINES && distinctLines() == LINES);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.consumeAll("pos_logs", Duration.ofSeconds(60));
        Map<String, String> bodyById = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String id =
                    new String(record.headers().lastHeader("retail.event.id").value(), StandardCharsets.UTF_8);
            String body = new String(record.value(), StandardCharsets.UTF_8);
            String earlier = bodyById.putIfAbsent(id, body);
            assertTrue(earlier == null || earlier.equals(body), "one id, one line: " + id);
        }
        assertEquals(LINES, bodyById.size(), "every line, by its event id");
        System.out.printf(
                "FileChannelCrashTest: %,d lines, %,d in Kafka at the kill, %,d records in the end, %,d duplicates%n",
                LINES, atTheCrash, records.size(), records.size() - LINES);
    }

    private static Process startAgent(Path config, Path output) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Application.class.getName(),
                        "-n",
                        "pos",
                        "-f",
                        config.toString(),
                        "--no-reload-conf")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private static long recordsInKafka() {
        try {
            return KAFKA.endOffsetSum("pos_logs");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long distinctLines() {
        return KAFKA.consumeAll("pos_logs", Duration.ofSeconds(60)).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .distinct()
                .count();
    }

    private static Path writeLines(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < LINES; i++) {
                out.write("2026-11-24T10:%02d:%02dZ store=%d terminal=%d level=%s sale receipt=%08d"
                        .formatted((i / 60) % 60, i % 60, i % 40, i % 6, i % 25 == 0 ? "ERROR" : "INFO", i));
                out.newLine();
            }
        }
        return file;
    }
}
