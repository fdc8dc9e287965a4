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

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.TopicNames;

/** Writes a dead letter unchanged to {@code <source topic>_dlq}, with the error in its headers. */
final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final TopicNames topics;

    DeadLetterSerializer(TopicNames topics) {
        this.topics = topics;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RawRecord raw = letter.raw();
        // a letter the job derived (a late event) names its input by the catalogue name
        String source = topics.actual(raw.topic());
        RecordHeaders headers = new RecordHeaders();
        boolean fromKafka = raw.fromKafka();
        DeadLetters.addHeaders(
                headers,
                letter.error(),
                letter.stage(),
                source,
                fromKafka ? raw.partition() : null,
                fromKafka ? raw.offset() : null);
        return new ProducerRecord<>(
                DeadLetters.topicNameFor(source), null, raw.timestamp(), raw.key(), raw.value(), headers);
    }
}
