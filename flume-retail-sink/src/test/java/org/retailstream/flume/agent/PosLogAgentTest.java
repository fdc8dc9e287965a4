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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailstream.flume.support.Records.header;
import static org.retailstream.flume.support.Records.key;
import static org.retailstream.flume.support.Records.value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.flume.support.FlumeAgent;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/** A real agent: spooling directory, file channel, our sink, real broker. */
class PosLogAgentTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    private static final int LINES = 3000;

    @Test
    @SuppressWarnings("try") // the agent runs while the try block waits for its output
    void everyLineArrivesOnceWithTheEnrichmentHeaders(@TempDir Path dir) throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add("2026-11-24T10:00:%02dZ store=%d terminal=%d level=%s sale %d"
                    .formatted(i % 60, i % 5, i % 3, i % 10 == 0 ? "ERROR" : "INFO", i));
        }
        Path staging = Files.write(dir.resolve("pos-2026-11-24.log"), lines);

        try (FlumeAgent agent = FlumeAgent.start("a1", config(dir, spool), dir)) {
            Files.move(staging, spool.resolve("pos-2026-11-24.log")); // spooldir wants complete files

            KAFKA.consumeUntil("pos_logs", LINES, Duration.ofSeconds(90));
            List<ConsumerRecord<byte[], byte[]>> records = KAFKA.consumeAll("pos_logs", Duration.ofSeconds(30));

            assertEquals(LINES, records.size(), "every line once");
            assertEquals(
                    new HashSet<>(lines), records.stream().map(r -> value(r)).collect(Collectors.toSet()));
            Set<String> eventIds = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String line = value(record);
                String store = line.replaceAll(".*store=(\\d+).*", "$1");
                assertEquals(store, key(record), "keyed by the extracted store id");
                assertEquals(store, header(record, "storeId"));
                assertEquals(line.replaceAll(".*terminal=(\\d+).*", "$1"), header(record, "terminalId"));
                assertEquals(line.replaceAll(".*level=(\\w+).*", "$1"), header(record, "level"));
                // The host's own name, not what a reverse lookup of it gives ("localhost" on many installs).
                assertEquals(systemHostName(), header(record, "retail.host"));
                assertNotNull(header(record, "retail.ip"));
                // An agent inside a JVM that flume-ng did not start (no -n) is called "flume".
                assertEquals("flume.k1", header(record, "retail.sink"));
                assertEquals("pos-2026-11-24.log", header(record, "retail.source.file"));
                assertEquals("eu-west", header(record, "retail.region"));
                assertTrue(Long.parseLong(header(record, "retail.ingest.ts")) > 1_700_000_000_000L);
                eventIds.add(header(record, "retail.event.id"));
            }
            assertEquals(LINES, eventIds.size(), "a unique event id per line");

            Conditions.await(
                    "the sink reports every event drained",
                    Duration.ofSeconds(30),
                    () -> metric("EventDrainSuccessCount") == LINES);
            assertEquals(0, metric("RollbackCount"), () -> counters());
        }
    }

    private static String systemHostName() throws java.io.IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }

    private static long metric(String name) {
        try {
            return FlumeAgent.counter("SINK", "k1", name);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String counters() {
        try {
            return FlumeAgent.counters("SINK", "k1").toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static Map<String, String> config(Path dir, Path spool) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sources", "r1");
        c.put("channels", "c1");
        c.put("sinks", "k1");
        c.put("sources.r1.type", "spooldir");
        c.put("sources.r1.spoolDir", spool.toString());
        c.put("sources.r1.basenameHeader", "true");
        c.put("sources.r1.batchSize", "500");
        c.put("sources.r1.channels", "c1");
        c.put("channels.c1.type", "file");
        c.put("channels.c1.checkpointDir", dir.resolve("checkpoint").toString());
        c.put("channels.c1.dataDirs", dir.resolve("data").toString());
        c.put("channels.c1.transactionCapacity", "1000");
        c.put("sinks.k1.type", "org.retailstream.flume.EnrichingKafkaSink");
        c.put("sinks.k1.channel", "c1");
        c.put("sinks.k1.kafka.bootstrap.servers", KAFKA.bootstrapServers());
        c.put("sinks.k1.kafka.topic", "pos_logs");
        c.put("sinks.k1.flumeBatchSize", "500");
        c.put(
                "sinks.k1.enrich.extract.regex",
                "store=(?<storeId>\\d+) terminal=(?<terminalId>\\d+) level=(?<level>\\w+)");
        c.put("sinks.k1.keyField", "storeId");
        c.put("sinks.k1.enrich.static.retail.region", "eu-west");
        return c;
    }
}
