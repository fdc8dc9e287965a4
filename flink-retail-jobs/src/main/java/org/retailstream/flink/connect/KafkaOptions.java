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
package org.retailstream.flink.connect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.retailstream.events.topics.TopicNames;

/**
 * How the jobs reach Kafka.
 *
 * @param bootstrapServers brokers, {@code host:port[,host:port]}
 * @param groupId consumer group of the job's sources
 * @param clientProperties extra client settings (SASL, SSL, ...) for sources and sinks
 * @param deliveryGuarantee of the job's sinks; EXACTLY_ONCE needs checkpointing
 * @param transactionalIdPrefix prefix of the sinks' transactional ids, unique per job
 * @param outOfOrderness how late an event may be, in event time, and still be on time
 * @param idleness after how long without records a partition stops holding the watermark back
 * @param watermarkPerEvent emit a watermark after every event instead of periodically: deterministic
 *     lateness for replays and tests, at some throughput cost
 * @param watermarkAlignment how far in event time a partition may read ahead of the job's slowest
 *     one before Flink pauses it; zero (the default) turns alignment off. Catching up on a backlog,
 *     the inputs of a job otherwise drift apart by as much as their read rates differ, and every
 *     operator that waits for the watermark (windows, CEP) buffers the difference. A drift small
 *     against the backlog's event-time span throttles the catch-up (Flink compares every second).
 * @param topics the Kafka topic used for each catalogue topic (the catalogue's names unless renamed
 *     with {@code --topics})
 * @param startingOffsets where the sources start without a checkpoint or savepoint to resume from
 */
public record KafkaOptions(
        String bootstrapServers,
        String groupId,
        Properties clientProperties,
        DeliveryGuarantee deliveryGuarantee,
        String transactionalIdPrefix,
        Duration outOfOrderness,
        Duration idleness,
        boolean watermarkPerEvent,
        Duration watermarkAlignment,
        TopicNames topics,
        StartingOffsets startingOffsets)
        implements Serializable {

    /** Defaults: EXACTLY_ONCE, 5 s out-of-orderness, 1 min idleness, no alignment, committed offsets. */
    public static KafkaOptions of(String bootstrapServers, String job) {
        return new KafkaOptions(
                bootstrapServers,
                "retail-" + job,
                new Properties(),
                DeliveryGuarantee.EXACTLY_ONCE,
                "retail-" + job,
                Duration.ofSeconds(5),
                Duration.ofMinutes(1),
                false,
                Duration.ZERO,
                TopicNames.catalogue(),
                StartingOffsets.COMMITTED);
    }

    /**
     * Kafka's broker refuses transactions longer than its {@code transaction.max.timeout.ms} (15 min by
     * default) while Flink's sink asks for 1 h, which sends an EXACTLY_ONCE job into a restart loop on a
     * default broker. Unless the user set it, ask for the broker default. It must cover the longest
     * expected outage plus a checkpoint interval, or Kafka aborts the transaction and output is lost.
     */
    static final String DEFAULT_TRANSACTION_TIMEOUT_MS = "900000";

    /** The client properties plus the producer defaults the sinks need. */
    public Properties producerProperties() {
        Properties producer = new Properties();
        producer.putAll(clientProperties);
        producer.putIfAbsent("transaction.timeout.ms", DEFAULT_TRANSACTION_TIMEOUT_MS);
        return producer;
    }

    public KafkaOptions withDeliveryGuarantee(DeliveryGuarantee guarantee) {
        return new KafkaOptions(
                bootstrapServers,
                groupId,
                clientProperties,
                guarantee,
                transactionalIdPrefix,
                outOfOrderness,
                idleness,
                watermarkPerEvent,
                watermarkAlignment,
                topics,
                startingOffsets);
    }

    public KafkaOptions withClientProperties(Properties properties) {
        return new KafkaOptions(
                bootstrapServers,
                groupId,
                properties,
                deliveryGuarantee,
                transactionalIdPrefix,
                outOfOrderness,
                idleness,
                watermarkPerEvent,
                watermarkAlignment,
                topics,
                startingOffsets);
    }
}
