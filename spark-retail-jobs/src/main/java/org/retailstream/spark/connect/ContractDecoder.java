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
package org.retailstream.spark.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.topics.RetailTopic;

/**
 * Reads a record of a contract topic in either wire format (JSON or Avro single-object, any schema
 * version the contract knows) with the contract's own codec, and hands Spark plain Avro binary of the
 * current schema for {@code from_avro}, or the reason it could not: the same rules as every other part
 * of the bundle, and Spark's types derived from the Avro schema by spark-avro, not written by hand.
 */
public final class ContractDecoder implements UDF1<byte[], Row> {

    private static final long serialVersionUID = 1L;

    /** What the function returns: {@code avro} (plain Avro binary) or {@code error}, never both. */
    public static final StructType RESULT =
            new StructType().add("avro", DataTypes.BinaryType, true).add("error", DataTypes.StringType, true);

    private final RetailTopic topic;
    private transient EventCodec<? extends SpecificRecord> codec;
    private transient SpecificDatumWriter<SpecificRecord> writer;

    public ContractDecoder(RetailTopic topic) {
        this.topic = topic;
    }

    /** The schema {@code from_avro} reads the result with. */
    public String schemaJson() {
        return EventCodec.forTopic(topic).schema().toString();
    }

    @Override
    public Row call(byte[] payload) {
        SpecificRecord record;
        try {
            record = decode(payload);
        } catch (RuntimeException malformed) {
            return RowFactory.create(null, String.valueOf(malformed.getMessage()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RowFactory.create(bytes.toByteArray(), null);
    }

    /** Why {@code payload} does not decode, or null if it does: all the dead-letter query needs (no re-encoding). */
    public UDF1<byte[], String> errors() {
        ContractDecoder decoder = new ContractDecoder(topic);
        return payload -> {
            try {
                decoder.decode(payload);
                return null;
            } catch (RuntimeException malformed) {
                return String.valueOf(malformed.getMessage());
            }
        };
    }

    private SpecificRecord decode(byte[] payload) {
        if (codec == null) {
            codec = EventCodec.forTopic(topic);
            writer = new SpecificDatumWriter<>(codec.schema());
        }
        return codec.decode(payload == null ? new byte[0] : payload);
    }
}
