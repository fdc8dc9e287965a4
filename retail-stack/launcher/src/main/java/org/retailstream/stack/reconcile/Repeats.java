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
package org.retailstream.stack.reconcile;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.retailstream.stack.watch.TopicRange;

/**
 * Counts the records of a topic, between two sets of offsets, that repeat the last record of the same
 * identity: a line Flume delivered twice (same retail.event.id), an output a job committed twice (same
 * window or alert), a price NiFi emitted again unchanged (same SKU, same price). Read read_committed.
 */
public final class Repeats {

    /** A record's identity and the value that makes a repeat of it a duplicate; null skips the record. */
    public record Identity(String key, String value) {}

    private Repeats() {}

    /** Records in [from, to) whose identity repeats the last one of its key. */
    public static long count(
            String bootstrapServers,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            Function<ConsumerRecord<byte[], byte[]>, Identity> identity) {
        Map<String, String> last = new HashMap<>();
        AtomicLong repeats = new AtomicLong();
        TopicRange.read(bootstrapServers, from, to, record -> {
            Identity id = identity.apply(record);
            if (id != null && id.value().equals(last.put(id.key(), id.value()))) {
                repeats.incrementAndGet();
            }
        });
        return repeats.get();
    }
}
