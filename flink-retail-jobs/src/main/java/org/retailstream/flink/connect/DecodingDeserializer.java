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

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.codec.MalformedEventException;

/**
 * Decodes a topic's records in either wire format (JSON or Avro single-object); a record that does
 * not decode is emitted as a failed {@link Decoded}, never thrown: one bad record must not fail the job.
 */
final class DecodingDeserializer<T extends SpecificRecord> implements KafkaRecordDeserializationSchema<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient EventCodec<T> codec;

    DecodingDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        codec = null; // built per topic on first use: a source may read a renamed topic
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<T>> out) {
        if (codec == null || !codec.topic().equals(record.topic())) {
            codec = EventCodec.forTopicName(record.topic(), type);
        }
        try {
            out.collect(Decoded.of(codec.decode(record.value()), RawRecord.of(record)));
        } catch (MalformedEventException e) {
            out.collect(Decoded.failed(RawRecord.of(record), e.getMessage()));
        } catch (RuntimeException e) {
            out.collect(Decoded.failed(RawRecord.of(record), e.getClass().getName() + ": " + e.getMessage()));
        }
    }

    @Override
    public TypeInformation<Decoded<T>> getProducedType() {
        return Decoded.typeInfo();
    }
}
