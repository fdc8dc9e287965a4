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

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.topics.RetailTopic;

/** Writes events to their catalogue topic, keyed by the topic's key, in the contract's default wire format. */
final class EventSerializer<T extends SpecificRecord> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final RetailTopic topic;
    private final String topicName;
    private final Class<T> type;
    private final RetailKafka.KeyOf<T> key;
    private transient EventCodec<T> codec;

    EventSerializer(RetailTopic topic, String topicName, Class<T> type, RetailKafka.KeyOf<T> key) {
        this.topic = topic;
        this.topicName = topicName;
        this.type = type;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T event, KafkaSinkContext context, Long timestamp) {
        if (codec == null) {
            codec = EventCodec.forTopic(topic, type);
        }
        // The record timestamp is left to the producer (now): event time is in the payload, and brokers
        // refuse timestamps too far from their clock (message.timestamp.after.max.ms), e.g. on a replay.
        return new ProducerRecord<>(
                topicName, null, null, key.apply(event).getBytes(StandardCharsets.UTF_8), codec.encode(event));
    }
}
