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
package org.retailstream.flink.jobs.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.model.PosHealthAlert;
import org.retailstream.events.model.PosHealthStatus;
import org.retailstream.events.topics.EnrichmentHeaders;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.Events;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.KafkaBrokerExtension;

/** Raw lines as the Flume sink ships them (headers from the POS agent template), judged per terminal. */
class PosHealthJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @BeforeAll
    static void topics() throws Exception {
        OrderedTopics.create(KAFKA, RetailTopic.POS_HEALTH, RetailTopic.POS_LOGS);
    }

    @Test
    void errorRateSilenceAndRecoveryPerTerminalWindowAndUnreadableLinesToTheDeadLetterTopic() throws Exception {
        List<ProducerRecord<byte[], byte[]>> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(line("17", "3", "10:00:%02d".formatted(i * 5), i < 4 ? "ERROR" : "INFO"));
            if (i < 6) {
                lines.add(line("17", "4", "10:01:%02d".formatted(i * 5), i == 0 ? "ERROR" : "INFO"));
            }
        }
        // No headers: store and terminal come from the line itself.
        lines.add(record("2026-11-20T10:02:00Z store=18 terminal=1 level=INFO drawer opened", new RecordHeaders()));
        lines.add(record("garbage without a store", new RecordHeaders()));
        for (int i = 0; i < 6; i++) {
            lines.add(line("17", "3", "10:06:%02d".formatted(i * 5), "INFO"));
        }
        KAFKA.produce(lines);

        // One source subtask for the one partition: with two, the idle one holds the watermark back
        // until it is declared idle, which makes the windows depend on timing under load.
        JobRun.bounded(PosHealthSpec.SPEC, KAFKA, "--parallelism", "1");

        Set<String> alerts = Events.output(KAFKA, RetailTopic.POS_HEALTH, PosHealthAlert.class).stream()
                .map(a -> a.getStoreId() + "|" + a.getTerminalId() + " " + a.getStatus() + "@"
                        + a.getWindowStart().toString().substring(11, 16))
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "17|3 DEGRADED@10:00",
                        "17|3 OK@10:05",
                        "17|3 SILENT@10:10",
                        "17|4 SILENT@10:05",
                        "18|1 SILENT@10:05"),
                alerts);
        PosHealthAlert degraded = Events.output(KAFKA, RetailTopic.POS_HEALTH, PosHealthAlert.class).stream()
                .filter(a -> a.getStatus() == PosHealthStatus.DEGRADED)
                .findFirst()
                .orElseThrow();
        assertEquals(10, degraded.getLineCount());
        assertEquals(4, degraded.getErrorCount());
        assertEquals(0.4, degraded.getErrorRate(), 1e-9);
        List<ConsumerRecord<byte[], byte[]>> dead = KAFKA.consumeUntil("pos_logs_dlq", 1, Duration.ofSeconds(30));
        assertEquals("garbage without a store", new String(dead.get(0).value(), StandardCharsets.UTF_8));
        String error =
                new String(dead.get(0).headers().lastHeader("retail.dlq.error").value(), StandardCharsets.UTF_8);
        assertTrue(error.startsWith("POS log line without a store or terminal"), error);
    }

    private static ProducerRecord<byte[], byte[]> line(String store, String terminal, String time, String level) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnrichmentHeaders.POS_STORE_ID, utf8(store));
        headers.add(EnrichmentHeaders.POS_TERMINAL_ID, utf8(terminal));
        headers.add(EnrichmentHeaders.POS_LEVEL, utf8(level));
        headers.add(EnrichmentHeaders.HOST, utf8("pos-host-" + store));
        return record(
                "2026-11-20T" + time + "Z store=" + store + " terminal=" + terminal + " level=" + level + " tick",
                headers);
    }

    private static ProducerRecord<byte[], byte[]> record(String text, RecordHeaders headers) {
        return new ProducerRecord<>("pos_logs", null, utf8("k"), utf8(text), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
