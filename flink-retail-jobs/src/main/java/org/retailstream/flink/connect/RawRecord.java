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

/**
 * A Kafka record as it was read, kept for the dead-letter topic.
 *
 * @param topic source topic
 * @param partition source partition
 * @param offset source offset
 * @param timestamp record timestamp, epoch ms
 * @param key key bytes, or null
 * @param value value bytes, or null
 */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value)
        implements Serializable {

    private static final int NO_PARTITION = -1;

    /** A record a job derived itself (timestamped now), not read from a partition. */
    static RawRecord derived(String topic, byte[] key, byte[] value) {
        return new RawRecord(topic, NO_PARTITION, NO_PARTITION, System.currentTimeMillis(), key, value);
    }

    /** True when the record was read from Kafka, so its partition and offset mean something. */
    boolean fromKafka() {
        return partition != NO_PARTITION;
    }

    /** The record as it came from Kafka, for a dead letter. */
    static RawRecord of(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record) {
        return new RawRecord(
                record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(), record.value());
    }
}
