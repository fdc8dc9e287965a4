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

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch of records and waits until Kafka acknowledged or refused each. In transactional
 * mode the batch is one Kafka transaction: committed only if every record was acknowledged, else
 * aborted, so read_committed consumers never see a half-delivered batch.
 *
 * <p>The producer is created lazily and recreated after errors that leave it unusable.
 */
public final class KafkaDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDelivery.class);

    private final Properties producerProperties;
    private final boolean transactional;
    private final Duration ackTimeout;
    private Producer<byte[], byte[]> producer;

    public KafkaDelivery(Properties producerProperties, boolean transactional) {
        this.producerProperties = producerProperties;
        this.transactional = transactional;
        // Kafka completes every send within delivery.timeout.ms; the margin covers callback scheduling.
        this.ackTimeout = Duration.ofMillis(Long.parseLong(
                        producerProperties.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")))
                .plusSeconds(5);
    }

    /** Sends and awaits {@code records}; never throws for Kafka errors, it reports them per record. */
    public SendOutcome send(List<ProducerRecord<byte[], byte[]>> records) throws InterruptedException {
        if (records.isEmpty()) {
            return SendOutcome.allAcknowledged(0);
        }
        Producer<byte[], byte[]> producer;
        AckTracker acks = new AckTracker(records.size());
        try {
            producer = producer();
            if (transactional) {
                producer.beginTransaction();
            }
            sendAll(producer, records, acks);
        } catch (RuntimeException e) {
            // initTransactions/beginTransaction failed: nothing of this batch is known delivered.
            if (FailureKind.of(e) != FailureKind.TRANSIENT || transactional) {
                discardProducer();
            }
            return SendOutcome.allFailed(records.size(), e);
        }
        try {
            SendOutcome outcome = acks.await(ackTimeout);
            return transactional ? finishTransaction(producer, outcome, records.size()) : outcome;
        } catch (InterruptedException e) {
            discardProducer();
            throw e;
        }
    }

    private static void sendAll(
            Producer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records, AckTracker acks) {
        for (int i = 0; i < records.size(); i++) {
            try {
                producer.send(records.get(i), acks.callbackFor(i));
            } catch (RuntimeException e) {
                acks.failedToSend(i, e);
            }
            Throwable stop = acks.stopSendingReason();
            if (stop != null) {
                // e.g. no metadata within max.block.ms: each further send would block as long again
                for (int rest = i + 1; rest < records.size(); rest++) {
                    acks.failedToSend(rest, stop);
                }
                break;
            }
        }
        // Closes the producer's batches now instead of after linger.ms, so that a batch spread over
        // several partitions goes out as one request per partition, not record by record.
        producer.flush();
    }

    private SendOutcome finishTransaction(Producer<byte[], byte[]> producer, SendOutcome outcome, int size) {
        if (outcome.allAcknowledged()) {
            try {
                producer.commitTransaction();
                return outcome;
            } catch (RuntimeException e) {
                discardProducer();
                return SendOutcome.allFailed(size, e);
            }
        }
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.warn("Aborting the Kafka transaction failed; the producer is recreated: {}", e.toString());
            discardProducer();
        }
        return outcome.withoutCollateralFailures();
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties);
            if (transactional) {
                try {
                    producer.initTransactions();
                } catch (RuntimeException e) {
                    discardProducer();
                    throw e;
                }
            }
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing a broken producer failed", e);
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(30));
            producer = null;
        }
    }
}
