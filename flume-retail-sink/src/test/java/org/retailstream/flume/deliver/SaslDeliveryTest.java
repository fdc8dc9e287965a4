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
package org.retailstream.flume.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.flume.EnrichingKafkaSink;
import org.retailstream.flume.support.AgentHarness;
import org.retailstream.flume.support.SinkHarness;
import org.retailstream.testkit.BrokerSecurity;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/** SASL settings pass through kafka.producer.* to a SASL-protected broker, and never reach the log. */
class SaslDeliveryTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.saslPlain();

    @Test
    void deliversToASaslBrokerWithoutLoggingTheSecret(@TempDir Path dir) throws Exception {
        StringWriter log = new StringWriter();
        Logger sinkLogger = (Logger) LogManager.getLogger(EnrichingKafkaSink.class);
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("capture")
                .setTarget(log)
                .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
                .build();
        appender.start();
        sinkLogger.addAppender(appender);
        sinkLogger.setLevel(Level.INFO);
        try (AgentHarness harness =
                new AgentHarness(EnrichingKafkaSink.class.getName(), config(BrokerSecurity.ADMIN_PASSWORD), dir)) {
            harness.put(SinkHarness.lines("sasl-", 50, Map.of()));
            harness.drain(Duration.ofSeconds(60));
        } finally {
            sinkLogger.removeAppender(appender);
        }

        assertEquals(
                50, KAFKA.consumeUntil("pos_logs", 50, Duration.ofSeconds(30)).size());
        String logged = log.toString();
        assertTrue(logged.contains("sasl.jaas.config=[hidden]"), logged);
        assertFalse(logged.contains(BrokerSecurity.ADMIN_PASSWORD), "the password is not in the log");
    }

    @Test
    void aWrongPasswordKeepsTheEventsInTheChannel(@TempDir Path dir) throws Exception {
        try (AgentHarness harness =
                new AgentHarness(EnrichingKafkaSink.class.getName(), config("wrong-password"), dir)) {
            harness.put(SinkHarness.lines("refused-", 5, Map.of()));

            Conditions.await(
                    "the sink rolled back a refused batch",
                    Duration.ofSeconds(60),
                    () -> harness.sinkCounter("RollbackCount") >= 1);

            assertEquals(5, harness.eventsInChannel());
            assertEquals(0, harness.sinkCounter("EventDrainSuccessCount"));
        }
    }

    private static Map<String, String> config(String password) {
        Map<String, String> c = new HashMap<>();
        c.put("kafka.bootstrap.servers", KAFKA.bootstrapServers());
        c.put("kafka.topic", "pos_logs");
        BrokerSecurity.SASL_PLAIN
                .clientProperties(BrokerSecurity.ADMIN_USER, password)
                .forEach((k, v) -> c.put("kafka.producer." + k, v.toString()));
        c.put("kafka.producer.delivery.timeout.ms", "5000");
        c.put("kafka.producer.request.timeout.ms", "2000");
        c.put("kafka.producer.max.block.ms", "5000");
        return c;
    }
}
