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
package org.retailstream.stack.nifi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.nifi.remote.Transaction;
import org.apache.nifi.remote.TransferDirection;
import org.apache.nifi.remote.client.SiteToSiteClient;
import org.apache.nifi.remote.protocol.DataPacket;
import org.apache.nifi.remote.protocol.SiteToSiteTransportProtocol;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.stack.shop.Tally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries NiFi's records to Kafka where a full NiFi would use PublishKafka: one thread per output
 * port reads FlowFiles over site-to-site (the JSON writer's one record per line), sends each record
 * to the topic the port is named after, keyed by the topic's key field, and confirms the
 * site-to-site transaction only once Kafka has acknowledged every record of it. A failure cancels
 * the transaction, so NiFi keeps the FlowFiles and sends them again: nothing is lost, and a record
 * can at worst arrive twice.
 */
public final class SiteToSiteBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteToSiteBridge.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    /** Tally path of the records a port delivered: {@code nifi:<topic>}, kind {@code records}. */
    public static String tallyPath(String topic) {
        return "nifi:" + topic;
    }

    private final URI nifi;
    private final KafkaProducer<String, byte[]> producer;
    private final Tally tally;
    private final List<Thread> threads = new ArrayList<>();
    private final java.util.Map<String, Instant> lastFoundEmpty = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running = true;

    private SiteToSiteBridge(URI nifi, String bootstrapServers, Tally tally) {
        this.nifi = nifi;
        this.tally = tally;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "retail-stack-nifi-bridge");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Starts one reader per topic; each reads the NiFi output port of that name. */
    public static SiteToSiteBridge start(URI nifi, List<String> topics, String bootstrapServers, Tally tally) {
        SiteToSiteBridge bridge = new SiteToSiteBridge(nifi, bootstrapServers, tally);
        for (String topic : topics) {
            Thread thread = new Thread(() -> bridge.carry(topic), "nifi-bridge-" + topic);
            thread.setDaemon(true);
            bridge.threads.add(thread);
            thread.start();
        }
        return bridge;
    }

    private void carry(String topic) {
        try {
            carryUntilClosed(topic);
        } catch (RuntimeException | LinkageError e) {
            // Not silent: the drain then waits in vain, and the reconciliation shows what NiFi kept.
            LOG.error("The bridge of NiFi port {} stopped; NiFi keeps its records", topic, e);
        }
    }

    private void carryUntilClosed(String topic) {
        String keyField = RetailTopic.byTopicName(topic)
                .map(RetailTopic::keyField)
                .orElseThrow(() -> new IllegalArgumentException("Not a catalogue topic: " + topic));
        try (SiteToSiteClient client = new SiteToSiteClient.Builder()
                .url(nifi.toString())
                .portName(topic)
                .transportProtocol(SiteToSiteTransportProtocol.HTTP)
                .timeout(30, TimeUnit.SECONDS)
                .build()) {
            while (running) {
                try {
                    Instant asked = Instant.now();
                    if (transfer(client, topic, keyField) == 0) {
                        lastFoundEmpty.put(topic, asked);
                        Thread.sleep(IDLE_WAIT.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | ExecutionException | RuntimeException e) {
                    LOG.warn(
                            "Moving records of NiFi port {} to Kafka failed; NiFi keeps them: {}", topic, e.toString());
                    Thread.sleep(IDLE_WAIT.toMillis() * 5);
                }
            }
        } catch (IOException e) {
            LOG.warn("Site-to-site client of port {} did not close cleanly: {}", topic, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One site-to-site transaction; returns the records it delivered. */
    private long transfer(SiteToSiteClient client, String topic, String keyField)
            throws IOException, ExecutionException, InterruptedException {
        Transaction transaction = client.createTransaction(TransferDirection.RECEIVE);
        if (transaction == null) {
            return 0; // nothing queued at the port
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try {
            DataPacket packet;
            while ((packet = transaction.receive()) != null) {
                try (InputStream data = packet.getData()) {
                    for (String line : new String(data.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            sends.add(producer.send(new ProducerRecord<>(
                                    topic, key(line, keyField), line.getBytes(StandardCharsets.UTF_8))));
                        }
                    }
                }
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (IOException | ExecutionException | RuntimeException e) {
            transaction.cancel(e.toString());
            throw e;
        }
        transaction.confirm();
        transaction.complete();
        tally.add(tallyPath(topic), "records", sends.size());
        return sends.size();
    }

    private static String key(String record, String keyField) throws IOException {
        JsonNode value = JSON.readTree(record).path(keyField);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** True once every port was found empty after {@code since} (its processors stopped by then). */
    public boolean drainedSince(Instant since) {
        return threads.size() == lastFoundEmpty.size()
                && lastFoundEmpty.values().stream().allMatch(emptyAt -> emptyAt.isAfter(since));
    }

    /** Stops reading; a transaction under way finishes (or is cancelled) first. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(40).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(10));
    }
}
