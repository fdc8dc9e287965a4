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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.flume.support.AgentTemplate;
import org.retailstream.flume.support.FlumeAgent;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * templates/flume/web-clickstream-agent.properties as shipped (only paths and brokers changed): the
 * shop's JSON click lines arrive on user_clickstream, keyed by the user id the template extracts,
 * each with the hash event id it promises (the same line, the same id).
 */
class WebClickstreamTemplateTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    private static final int CLICKS = 2_000;

    @Test
    @SuppressWarnings("try") // the agent runs while the try block waits for its output
    void everyClickArrivesOnceKeyedByItsUser(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("nginx"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < CLICKS; i++) {
            lines.add(
                    "{\"event_id\":\"c-%d\",\"event_time\":\"2026-11-24T10:00:%02dZ\",\"user_id\":\"u-%d\",\"page\":\"/p/%d\"}"
                            .formatted(i, i % 60, i % 37, i));
        }
        Files.write(logs.resolve("clickstream.log"), lines);

        var config = AgentTemplate.load(
                AgentTemplate.shipped("web-clickstream-agent.properties"),
                "web",
                dir,
                logs + "/clickstream\\.log.*",
                KAFKA.bootstrapServers());
        try (FlumeAgent agent = FlumeAgent.start("web", config, dir)) {
            KAFKA.consumeUntil("user_clickstream", CLICKS, Duration.ofSeconds(90));
            List<ConsumerRecord<byte[], byte[]>> records = KAFKA.consumeAll("user_clickstream", Duration.ofSeconds(30));

            assertEquals(CLICKS, records.size(), "every click once");
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String line = new String(record.value(), StandardCharsets.UTF_8);
                assertTrue(lines.contains(line), line);
                String user = line.replaceAll(".*\"user_id\":\"([^\"]*)\".*", "$1");
                assertEquals(user, new String(record.key(), StandardCharsets.UTF_8), "keyed by user_id");
                ids.add(new String(
                        record.headers().lastHeader("retail.event.id").value(), StandardCharsets.UTF_8));
            }
            assertEquals(CLICKS, ids.size(), "one event id per line");
        }
    }
}
