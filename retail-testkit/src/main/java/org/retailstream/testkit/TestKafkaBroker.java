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
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.retailstream.events.provision.TopicSpec;

/**
 * A real single-node Kafka 4 cluster (KRaft, combined broker and controller) inside this JVM,
 * listening on 127.0.0.1 with an ephemeral port. Used by {@link KafkaBrokerExtension} for tests
 * and directly by benchmarks and the embedded demo.
 */
public final class TestKafkaBroker implements AutoCloseable {

    /** How long startup, topic creation and leader election may take before a test fails. */
    public static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerSecurity security;
    private final Map<String, String> brokerConfig;
    private final boolean behindProxy;
    private KafkaClusterTestKit cluster;
    private TcpProxy proxy;
    private Admin admin;

    TestKafkaBroker(BrokerSecurity security, Map<String, String> brokerConfig, boolean behindProxy) {
        this.security = security;
        this.brokerConfig = new LinkedHashMap<>(brokerConfig);
        this.behindProxy = behindProxy;
    }

    /** A plaintext broker with the settings a one-node cluster needs for transactions. */
    public static TestKafkaBroker plaintext() {
        return new TestKafkaBroker(BrokerSecurity.PLAINTEXT, Map.of(), false);
    }

    /** Starts the broker and waits until it accepts requests. */
    public TestKafkaBroker start() throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBrokerSecurityProtocol(security.protocol())
                .build());
        oneNodeDefaults().forEach(builder::setConfigProp);
        if (security == BrokerSecurity.SASL_PLAIN) {
            // The controller listener stays PLAINTEXT inside this JVM; its ANONYMOUS principal must be
            // allowed cluster actions, while the client listener admits only authenticated users.
            builder.setConfigProp("super.users", "User:" + BrokerSecurity.ADMIN_USER + ";User:ANONYMOUS");
        }
        brokerConfig.forEach(builder::setConfigProp);
        if (behindProxy) {
            // Clients learn the proxy's address from metadata, so every connection goes through it.
            proxy = TcpProxy.onFreePort();
            builder.setConfigProp("advertised.listeners", listenerName() + "://127.0.0.1:" + proxy.port());
        }
        cluster = builder.build();
        if (behindProxy) {
            proxy.forwardTo(() -> cluster.brokers()
                    .values()
                    .iterator()
                    .next()
                    .boundPort(new org.apache.kafka.common.network.ListenerName(listenerName())));
            proxy.restore();
        }
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = Admin.create(clientProperties());
        return this;
    }

    /**
     * A one-node cluster cannot satisfy Kafka's production defaults (3 replicas for internal topics):
     * without these, transactional producers and consumer groups hang forever.
     */
    private static Map<String, String> oneNodeDefaults() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        return config;
    }

    private static String listenerName() {
        return "EXTERNAL";
    }

    /** Where clients connect: the broker itself, or the proxy in front of it. */
    public String bootstrapServers() {
        return behindProxy ? "127.0.0.1:" + proxy.port() : cluster.bootstrapServers();
    }

    /**
     * Makes the broker unreachable: open connections drop, new ones are refused. Only for brokers
     * started {@linkplain KafkaBrokerExtension#behindProxy() behind a proxy}.
     */
    public void cutNetwork() {
        requireProxy().cut();
    }

    /** Makes the broker reachable again after {@link #cutNetwork()}. */
    public void restoreNetwork() throws java.io.IOException {
        requireProxy().restore();
    }

    private TcpProxy requireProxy() {
        if (proxy == null) {
            throw new IllegalStateException("start the broker behindProxy() to cut its network");
        }
        return proxy;
    }

    public BrokerSecurity security() {
        return security;
    }

    /**
     * Properties for a client that may do anything: bootstrap servers plus, on a SASL broker, the
     * super user's credentials.
     */
    public Properties clientProperties() {
        Properties props = security.clientProperties(BrokerSecurity.ADMIN_USER, BrokerSecurity.ADMIN_PASSWORD);
        props.setProperty("bootstrap.servers", bootstrapServers());
        return props;
    }

    /** An admin client as the super user; owned by this broker, do not close it. */
    public Admin admin() {
        return admin;
    }

    /** Creates every catalogue topic and its dead-letter topic, with the catalogue's partitions. */
    public void createCatalogueTopics() throws ExecutionException, InterruptedException {
        createTopics(TopicSpec.catalogue().stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1))
                .toList());
    }

    /** Creates one topic (if it does not exist) and waits until its partitions have leaders. */
    public void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
        createTopics(List.of(new NewTopic(name, partitions, (short) 1)));
    }

    private void createTopics(List<NewTopic> topics) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing =
                topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
        TopicLeaders.await(admin, topics.stream().map(NewTopic::name).toList(), SETUP_TIMEOUT);
    }

    /** Sends the records idempotently with acks=all and waits for every acknowledgement. */
    public void produce(List<ProducerRecord<byte[], byte[]>> records) throws InterruptedException {
        new KafkaRecords(clientProperties()).produce(records);
    }

    /**
     * Reads {@code topic} from the beginning with read_committed isolation until {@code count}
     * records arrived; fails with how many did if {@code timeout} passes first.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeUntil(String topic, int count, Duration timeout) {
        return new KafkaRecords(clientProperties()).consumeUntil(topic, count, timeout);
    }

    /** How many records {@code topic} holds: the sum of its partitions' end offsets (no reading). */
    public long endOffsetSum(String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .forEach(
                        partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        long sum = 0;
        for (var offset : admin.listOffsets(latest).all().get().values()) {
            sum += offset.offset();
        }
        return sum;
    }

    /**
     * Every committed record of {@code topic} up to its current end (read_committed), including any
     * beyond an expected count: use it to assert that nothing arrived twice.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        return new KafkaRecords(clientProperties()).consumeAll(topic, timeout);
    }

    @Override
    public void close() throws Exception {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (cluster != null) {
            cluster.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }
}
