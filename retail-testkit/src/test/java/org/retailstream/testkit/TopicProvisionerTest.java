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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.provision.TopicProvisioner;
import org.retailstream.events.provision.TopicSpec;
import org.retailstream.events.topics.RetailTopic;

/** The provisioning command against a real, initially empty broker. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicProvisionerTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @Test
    @Order(1)
    void createsEveryCatalogueTopicWithItsPartitionsAndRetention() throws Exception {
        Run run = provision("--bootstrap-servers", KAFKA.bootstrapServers());

        assertEquals(0, run.code, run.err);
        int expected = RetailTopic.values().length * 2;
        assertTrue(run.out.startsWith("Created " + expected + " topic(s), 0 already present."), run.out);
        assertTrue(run.out.contains("replication factor lowered from 3 to 1"), run.out);

        Set<String> names = TopicSpec.catalogue().stream().map(TopicSpec::name).collect(Collectors.toSet());
        Map<String, TopicDescription> described =
                KAFKA.admin().describeTopics(names).allTopicNames().get();
        for (TopicSpec spec : TopicSpec.catalogue()) {
            assertEquals(
                    spec.partitions(), described.get(spec.name()).partitions().size(), spec.name());
        }
        // Stated here from docs/event-contract.md, not taken from the catalogue being provisioned.
        Map<String, Integer> documented = Map.of(
                "user_clickstream",
                12,
                "checkout_events",
                6,
                "price_rules_update",
                1,
                "pos_logs",
                12,
                "weather_observations",
                3,
                "category_revenue",
                3,
                "checkout_events_dlq",
                1);
        documented.forEach((topic, partitions) ->
                assertEquals(partitions, described.get(topic).partitions().size(), topic + " partitions"));
        assertEquals(
                "2592000000", topicConfig("checkout_events").get("retention.ms").value(), "30 days");
        assertEquals(
                "7776000000", topicConfig("fraud_alerts").get("retention.ms").value(), "90 days");
        assertEquals(
                "compact",
                topicConfig("price_rules_update").get("cleanup.policy").value());
        assertEquals(
                "1209600000", topicConfig("pos_logs_dlq").get("retention.ms").value());
    }

    @Test
    @Order(2)
    void aSecondRunChangesNothing() throws Exception {
        Set<String> before = KAFKA.admin().listTopics().names().get();

        Run run = provision("--bootstrap-servers", KAFKA.bootstrapServers());

        assertEquals(0, run.code, run.err);
        assertTrue(run.out.startsWith("Created 0 topic(s), " + before.size() + " already present."), run.out);
        assertEquals(before, KAFKA.admin().listTopics().names().get());
    }

    @Test
    @Order(3)
    void aReplicationFactorLargerThanTheClusterFailsClearly() {
        Run run = provision("--bootstrap-servers", KAFKA.bootstrapServers(), "--replication-factor", "3");

        assertEquals(1, run.code);
        assertTrue(run.err.contains("--replication-factor 3 needs at least 3 brokers, but the cluster has 1"), run.err);
    }

    private static Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return KAFKA.admin().describeConfigs(Set.of(resource)).all().get().get(resource);
    }

    static Run provision(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TopicProvisioner.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int code, String out, String err) {}
}
