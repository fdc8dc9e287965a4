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
package org.retailstream.flume.bench;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.retailstream.flume.config.EventIdStrategy;
import org.retailstream.flume.config.SinkConfigKeys;
import org.retailstream.flume.enrich.EventIds;

/**
 * The ceiling for the sink benchmark: a hand-written KafkaProducer loop that writes the records our
 * enriching sink writes (key = store id, the same nine headers) with the same guarantee (acks=all,
 * idempotent, each batch awaited before the next), and no Flume. It does per event only what any
 * program writing those records must (match the line, make an id) and everything else once: the
 * constant headers' bytes, the timestamp per batch; ids come from the sink's own {@link EventIds}.
 */
final class SameRecordsProducerLoop {

    private static final Pattern FIELDS = Pattern.compile("store=(\\w+) terminal=(\\w+) level=([A-Z]+)");

    private final Properties producerProperties;
    private final String topic;
    private final List<Header> constantHeaders;
    // The sink's own id maker: the loop pays exactly what the sink pays for an id.
    private final EventIds ids = new EventIds(EventIdStrategy.UUID);

    SameRecordsProducerLoop(Properties brokerClientProperties, String topic) throws Exception {
        this.producerProperties = new Properties();
        producerProperties.putAll(brokerClientProperties);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producerProperties.put(
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(SinkConfigKeys.DEFAULT_PRODUCER_BATCH_BYTES));
        this.topic = topic;
        InetAddress host = InetAddress.getLocalHost();
        this.constantHeaders = List.of(
                header("retail.host", host.getHostName()),
                header("retail.ip", host.getHostAddress()),
                header("retail.sink", "pos.kafka"),
                header("retail.region", "eu-west"));
    }

    /** Sends every body in batches of {@code batch}; returns the elapsed nanoseconds. */
    long run(byte[][] bodies, int batch) {
        Matcher matcher = FIELDS.matcher("");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int from = 0; from < bodies.length; from += batch) {
                int to = Math.min(bodies.length, from + batch);
                byte[] timestamp = Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII);
                CountDownLatch acks = new CountDownLatch(to - from);
                AtomicReference<Exception> failure = new AtomicReference<>();
                for (int i = from; i < to; i++) {
                    producer.send(record(bodies[i], matcher, timestamp), (metadata, e) -> {
                        if (e != null) {
                            failure.set(e);
                        }
                        acks.countDown();
                    });
                }
                producer.flush();
                acks.await();
                if (failure.get() != null) {
                    throw new IllegalStateException("send failed", failure.get());
                }
            }
            return System.nanoTime() - start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProducerRecord<byte[], byte[]> record(byte[] body, Matcher matcher, byte[] timestamp) {
        List<Header> headers = new ArrayList<>(9);
        headers.addAll(constantHeaders);
        headers.add(new RecordHeader("retail.ingest.ts", timestamp));
        headers.add(new RecordHeader("retail.event.id", ids.idFor(body)));
        byte[] key = null;
        if (matcher.reset(new String(body, StandardCharsets.UTF_8)).find()) {
            key = matcher.group(1).getBytes(StandardCharsets.UTF_8);
            headers.add(new RecordHeader("storeId", key));
            headers.add(header("terminalId", matcher.group(2)));
            headers.add(header("level", matcher.group(3)));
        }
        return new ProducerRecord<>(topic, null, key, body, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
