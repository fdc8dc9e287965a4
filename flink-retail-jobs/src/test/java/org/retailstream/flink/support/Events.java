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
package org.retailstream.flink.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.testkit.KafkaBrokerExtension;

/** Producing a job's input events and reading its output events, in the contract's encoding. */
public final class Events {

    private Events() {}

    public static <T extends SpecificRecord> void produce(
            KafkaBrokerExtension kafka,
            RetailTopic topic,
            Class<T> type,
            java.util.function.Function<T, String> key,
            List<T> events)
            throws InterruptedException {
        EventCodec<T> codec = EventCodec.forTopic(topic, type);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (T event : events) {
            records.add(new ProducerRecord<>(
                    topic.topicName(), key.apply(event).getBytes(StandardCharsets.UTF_8), codec.encode(event)));
        }
        kafka.produce(records);
    }

    /** Every committed event of an output topic (read_committed, to the end offsets). */
    public static <T extends SpecificRecord> List<T> output(
            KafkaBrokerExtension kafka, RetailTopic topic, Class<T> type) {
        EventCodec<T> codec = EventCodec.forTopic(topic, type);
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : kafka.consumeAll(topic.topicName(), Duration.ofSeconds(30))) {
            events.add(codec.decode(record.value()));
        }
        return events;
    }
}
