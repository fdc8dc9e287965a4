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
package org.retailstream.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A SASL/PLAIN-protected broker: the test kit's way to test the security options for real. */
class SaslBrokerTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.saslPlain();

    @Test
    void anAuthenticatedClientProducesAndConsumes() throws Exception {
        KAFKA.produce(List.of(new ProducerRecord<>("pos_logs", "store-1 ok".getBytes(StandardCharsets.UTF_8))));

        var records = KAFKA.consumeUntil("pos_logs", 1, Duration.ofSeconds(30));

        assertEquals("store-1 ok", new String(records.get(0).value(), StandardCharsets.UTF_8));
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties props = BrokerSecurity.SASL_PLAIN.clientProperties(BrokerSecurity.ADMIN_USER, "not-the-password");

        ExecutionException e = assertThrows(ExecutionException.class, () -> listTopics(props));

        assertInstanceOf(SaslAuthenticationException.class, e.getCause());
    }

    @Test
    void aClientWithoutCredentialsIsRefused() {
        Properties props = new Properties(); // PLAINTEXT: never authenticates, the broker drops it

        ExecutionException e = assertThrows(ExecutionException.class, () -> listTopics(props));

        assertInstanceOf(TimeoutException.class, e.getCause());
    }

    @Test
    void theProvisioningCommandAuthenticatesWithACommandConfigFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Properties props =
                BrokerSecurity.SASL_PLAIN.clientProperties(BrokerSecurity.ADMIN_USER, BrokerSecurity.ADMIN_PASSWORD);
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "SASL client settings");
        }

        TopicProvisionerTest.Run run = TopicProvisionerTest.provision(
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--command-config", config.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Created 0 topic(s)"), run.out());
        assertTrue(!run.out().contains(BrokerSecurity.ADMIN_PASSWORD), "the password is not printed");
    }

    private static void listTopics(Properties security) throws Exception {
        Properties props = new Properties();
        props.putAll(security);
        props.setProperty("bootstrap.servers", KAFKA.bootstrapServers());
        props.setProperty("default.api.timeout.ms", "3000");
        props.setProperty("request.timeout.ms", "2000");
        try (Admin admin = Admin.create(props)) {
            admin.listTopics().names().get();
        }
    }
}
