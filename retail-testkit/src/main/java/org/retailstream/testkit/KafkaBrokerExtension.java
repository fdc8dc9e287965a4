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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real in-process Kafka 4 broker once per test class, creates the catalogue's topics (and
 * their dead-letter topics) and waits until every partition has a leader.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();
 *
 * @Test
 * void delivers() throws Exception {
 *     KAFKA.produce(List.of(new ProducerRecord<>("pos_logs", value)));
 *     var records = KAFKA.consumeUntil("pos_logs", 1, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private final BrokerSecurity security;
    private final Map<String, String> brokerConfig = new LinkedHashMap<>();
    private boolean catalogueTopics = true;
    private boolean behindProxy;
    private TestKafkaBroker broker;

    private KafkaBrokerExtension(BrokerSecurity security) {
        this.security = security;
    }

    /** A broker without authentication. */
    public static KafkaBrokerExtension plaintext() {
        return new KafkaBrokerExtension(BrokerSecurity.PLAINTEXT);
    }

    /** A broker whose only listener requires SASL/PLAIN; see {@link BrokerSecurity#SASL_PLAIN} for users. */
    public static KafkaBrokerExtension saslPlain() {
        return new KafkaBrokerExtension(BrokerSecurity.SASL_PLAIN);
    }

    /** Sets a broker property, e.g. {@code message.max.bytes}. */
    public KafkaBrokerExtension withBrokerConfig(String key, String value) {
        brokerConfig.put(key, value);
        return this;
    }

    /**
     * Puts a TCP proxy in front of the broker so that tests can cut and restore the network with
     * {@link TestKafkaBroker#cutNetwork()} and {@link TestKafkaBroker#restoreNetwork()}.
     */
    public KafkaBrokerExtension behindProxy() {
        behindProxy = true;
        return this;
    }

    /** Starts with no topics at all (to test provisioning, say). */
    public KafkaBrokerExtension withoutCatalogueTopics() {
        catalogueTopics = false;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = new TestKafkaBroker(security, brokerConfig, behindProxy).start();
        if (catalogueTopics) {
            broker.createCatalogueTopics();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** The running broker, for anything the shortcuts below do not cover. */
    public TestKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("The broker runs only between @BeforeAll and @AfterAll; "
                    + "register the extension on a static field with @RegisterExtension");
        }
        return broker;
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** Bootstrap servers plus, on a SASL broker, the super user's credentials. */
    public Properties clientProperties() {
        return broker().clientProperties();
    }

    public Admin admin() {
        return broker().admin();
    }

    public void createTopic(String name, int partitions) throws Exception {
        broker().createTopic(name, partitions);
    }

    public void produce(List<ProducerRecord<byte[], byte[]>> records) throws InterruptedException {
        broker().produce(records);
    }

    public List<ConsumerRecord<byte[], byte[]>> consumeUntil(String topic, int count, Duration timeout) {
        return broker().consumeUntil(topic, count, timeout);
    }

    /** How many records {@code topic} holds; see {@link TestKafkaBroker#endOffsetSum}. */
    public long endOffsetSum(String topic) throws java.util.concurrent.ExecutionException, InterruptedException {
        return broker().endOffsetSum(topic);
    }

    /** Every committed record of {@code topic} up to its current end; see {@link TestKafkaBroker#consumeAll}. */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        return broker().consumeAll(topic, timeout);
    }
}
