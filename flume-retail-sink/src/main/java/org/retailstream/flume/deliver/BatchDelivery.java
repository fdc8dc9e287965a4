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

import java.util.ArrayList;
import java.util.List;
import org.apache.flume.Event;
import org.apache.flume.EventDeliveryException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.retailstream.flume.config.PoisonPolicy;
import org.retailstream.flume.metrics.KafkaSinkMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of one channel transaction. Returns normally only when Kafka has every event
 * (or its dead letter); otherwise throws, and the caller rolls the channel transaction back.
 */
public final class BatchDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);

    private final RecordFactory records;
    private final KafkaDelivery kafka;
    private final boolean transactional;
    private final PoisonPolicy poisonPolicy;
    private final DeadLetterFactory deadLetters;
    private final KafkaSinkMetrics metrics;

    public BatchDelivery(
            RecordFactory records,
            KafkaDelivery kafka,
            boolean transactional,
            PoisonPolicy poisonPolicy,
            DeadLetterFactory deadLetters,
            KafkaSinkMetrics metrics) {
        this.records = records;
        this.kafka = kafka;
        this.transactional = transactional;
        this.poisonPolicy = poisonPolicy;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /**
     * Delivers {@code events}; returns normally only when Kafka has every event or its dead letter.
     *
     * @throws PoisonEventException if an event can never be delivered and the policy is stop
     * @throws EventDeliveryException if Kafka did not acknowledge every event
     */
    public void deliver(List<Event> events) throws EventDeliveryException, InterruptedException {
        long now = System.currentTimeMillis();
        List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>(events.size());
        int deadLettered = 0;
        for (Event event : events) {
            try {
                batch.add(records.create(event, now));
            } catch (RuntimeException invalid) {
                // Known poison before sending: its dead letter travels in the same send (and transaction).
                batch.add(deadLetter(event, null, invalid));
                deadLettered++;
            }
        }
        SendOutcome outcome = timedSend(batch);
        if (!outcome.allAcknowledged()) {
            FailureKind worst = outcome.worstFailure();
            if (worst != FailureKind.POISON) {
                throw new EventDeliveryException(
                        "Kafka did not acknowledge " + outcome.failedIndexes().size() + " of " + events.size()
                                + " events (" + worst + "); they stay in the channel and are retried: "
                                + outcome.firstError(),
                        outcome.firstError());
            }
            deadLettered += resendWithDeadLetters(events, batch, outcome);
        }
        metrics.addDeadLetters(deadLettered);
    }

    /** Replaces the records Kafka refused by their dead letters and sends again; returns how many. */
    private int resendWithDeadLetters(
            List<Event> events, List<ProducerRecord<byte[], byte[]>> batch, SendOutcome outcome)
            throws EventDeliveryException, InterruptedException {
        List<ProducerRecord<byte[], byte[]>> retry = new ArrayList<>();
        List<Integer> refused = outcome.failedIndexes();
        for (int i = 0; i < events.size(); i++) {
            Throwable error = outcome.errorOf(i);
            if (error != null) {
                retry.add(deadLetter(events.get(i), batch.get(i).topic(), error));
            } else if (transactional) {
                retry.add(batch.get(i)); // the aborted Kafka transaction took the acknowledged records with it
            }
        }
        SendOutcome second = timedSend(retry);
        if (!second.allAcknowledged()) {
            throw new EventDeliveryException(
                    "Writing " + refused.size() + " dead letter(s) to " + deadLetters.topic()
                            + " failed; the batch stays in the channel: " + second.firstError(),
                    second.firstError());
        }
        return refused.size();
    }

    private ProducerRecord<byte[], byte[]> deadLetter(Event event, String intendedTopic, Throwable error)
            throws PoisonEventException {
        if (poisonPolicy == PoisonPolicy.STOP) {
            throw new PoisonEventException(
                    "Event " + describe(event) + " can never be delivered (" + error
                            + "); poison.policy=stop keeps it in the channel and stops the sink. "
                            + "Fix or remove it, or set poison.policy=deadLetter.",
                    error);
        }
        LOG.warn("Dead-lettering event {} to {}: {}", describe(event), deadLetters.topic(), error.toString());
        return deadLetters.create(event, intendedTopic, error);
    }

    private SendOutcome timedSend(List<ProducerRecord<byte[], byte[]>> batch) throws InterruptedException {
        long start = System.nanoTime();
        try {
            return kafka.send(batch);
        } finally {
            metrics.addSendTime((System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String describe(Event event) {
        return "of " + event.getBody().length + " bytes with headers "
                + event.getHeaders().keySet();
    }
}
