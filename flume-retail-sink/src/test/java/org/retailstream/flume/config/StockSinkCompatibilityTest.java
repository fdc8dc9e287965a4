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
package org.retailstream.flume.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailstream.flume.support.Records.header;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flume.Event;
import org.apache.flume.event.EventBuilder;
import org.apache.flume.sink.kafka.KafkaSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.flume.EnrichingKafkaSink;
import org.retailstream.flume.support.AgentHarness;
import org.retailstream.flume.support.Records;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * The same configuration drives Flume's stock KafkaSink and ours: the records (topic, partition,
 * key, value, timestamp, mapped headers) are the same; ours only adds enrichment headers.
 */
class StockSinkCompatibilityTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    @Test
    void theStockConfigurationGivesTheSameRecords(@TempDir Path dir) throws Exception {
        for (String run : List.of("stock", "ours")) {
            KAFKA.createTopic("compat_" + run, 4);
            KAFKA.createTopic("compat_" + run + "_override", 2);
        }

        List<String> stock = deliver(KafkaSink.class.getName(), "stock", dir);
        List<String> ours = deliver(EnrichingKafkaSink.class.getName(), "ours", dir);

        assertEquals(stock, ours);
        assertEquals(20, ours.size());
    }

    /** Runs {@code sinkType} in a real agent (one folder per run) and reads what it delivered. */
    private static List<String> deliver(String sinkType, String run, Path dir) throws Exception {
        try (AgentHarness harness = new AgentHarness(
                sinkType, stockConfig("compat_" + run), java.nio.file.Files.createDirectories(dir.resolve(run)))) {
            harness.put(events(run));
            harness.drain(Duration.ofSeconds(60));
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        records.addAll(KAFKA.consumeUntil("compat_" + run, 13, Duration.ofSeconds(30)));
        records.addAll(KAFKA.consumeUntil("compat_" + run + "_override", 7, Duration.ofSeconds(30)));
        return records.stream()
                .sorted(Comparator.comparing(Records::value))
                .map(r -> String.join(
                        " | ",
                        r.topic().replace(run, "RUN"),
                        partitionUnlessSticky(r),
                        String.valueOf(Records.key(r)),
                        Records.value(r).replace(run, "RUN"),
                        r.timestamp() < 1_000_000 ? Long.toString(r.timestamp()) : "producer-time",
                        String.valueOf(header(r, "store"))))
                .toList();
    }

    /** Keyless records without a partition header land on whichever partition the producer sticks to. */
    private static String partitionUnlessSticky(ConsumerRecord<byte[], byte[]> record) {
        int line = Integer.parseInt(Records.value(record).split(" ")[1]);
        boolean pinned = record.key() != null || line % 4 == 0;
        return pinned ? Integer.toString(record.partition()) : "sticky";
    }

    /** Events exercising every stock routing header: key, topic, partition, timestamp, mapped header. */
    private static List<Event> events(String run) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, String> headers = new HashMap<>();
            headers.put("store_id", "s" + (i % 3));
            if (i % 2 == 0) {
                headers.put("key", "user-" + (i % 5));
            }
            if (i % 3 == 0) {
                headers.put("route_to", "compat_" + run + "_override");
            }
            if (i % 4 == 0) {
                headers.put("partition", Integer.toString(i % 2));
            }
            if (i % 5 == 0) {
                headers.put("event_ts", Integer.toString(1000 + i));
            }
            events.add(EventBuilder.withBody(("line " + i + " of " + run).getBytes(StandardCharsets.UTF_8), headers));
        }
        return events;
    }

    private static Map<String, String> stockConfig(String topic) {
        Map<String, String> c = new HashMap<>();
        c.put("kafka.bootstrap.servers", KAFKA.bootstrapServers());
        c.put("kafka.topic", topic);
        c.put("flumeBatchSize", "50");
        c.put("kafka.producer.acks", "all");
        c.put("allowTopicOverride", "true");
        c.put("topicHeader", "route_to");
        c.put("partitionIdHeader", "partition");
        c.put("timestampHeader", "event_ts");
        c.put("header.store_id", "store");
        c.put("useFlumeEventFormat", "false");
        return c;
    }
}
