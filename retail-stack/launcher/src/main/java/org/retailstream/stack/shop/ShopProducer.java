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
package org.retailstream.stack.shop;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's services writing to Kafka: idempotent, acks=all, and every record tallied as sent and
 * then as acked or failed, so the reconciliation can say where each one went.
 */
final class ShopProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShopProducer.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Tally tally;

    ShopProducer(String bootstrapServers, Tally tally) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A broker restart must not lose what the shop produced: retry for up to ten minutes.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "retail-stack-shop");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.tally = tally;
    }

    void send(String topic, String key, byte[] value, boolean malformed) {
        tally.add(topic, "sent");
        if (malformed) {
            tally.add(topic, "malformed");
        }
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error == null) {
                tally.add(topic, "acked");
            } else {
                tally.add(topic, "failed");
                LOG.error("The shop could not deliver a record to {}: {}", topic, error.toString());
            }
        });
    }

    @Override
    public void close() {
        producer.flush();
        producer.close(java.time.Duration.ofSeconds(30));
        LOG.info("Shop producer closed after {}", tally.snapshot());
    }

    void flush() {
        producer.flush();
    }
}
