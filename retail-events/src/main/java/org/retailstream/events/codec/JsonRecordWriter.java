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
package org.retailstream.events.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Writes an Avro record as plain JSON, driven by its schema: decimals as JSON numbers (exact),
 * timestamps as ISO-8601 UTC strings, enums as their symbol, nullable unions as the bare value.
 * Unlike Avro's own JSON encoding there are no union type wrappers, so any JSON tool can read it.
 */
final class JsonRecordWriter {

    private final JsonFactory factory;
    private final GenericData model;

    JsonRecordWriter(JsonFactory factory, GenericData model) {
        this.factory = factory;
        this.model = model;
    }

    byte[] write(IndexedRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = factory.createGenerator(out)) {
            writeValue(generator, record, record.getSchema());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write JSON for " + record.getSchema().getFullName(), e);
        }
        return out.toByteArray();
    }

    private void writeValue(JsonGenerator out, Object value, Schema schema) throws IOException {
        switch (schema.getType()) {
            case RECORD -> writeRecord(out, (IndexedRecord) value, schema);
            case UNION -> writeUnion(out, value, schema);
            case ARRAY -> {
                out.writeStartArray();
                for (Object item : (Collection<?>) value) {
                    writeValue(out, item, schema.getElementType());
                }
                out.writeEndArray();
            }
            case MAP -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    out.writeFieldName(entry.getKey().toString());
                    writeValue(out, entry.getValue(), schema.getValueType());
                }
                out.writeEndObject();
            }
            case STRING, ENUM -> out.writeString(value.toString());
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case INT -> out.writeNumber(((Number) value).intValue());
            case LONG -> writeLong(out, value, schema.getLogicalType());
            case FLOAT -> out.writeNumber(((Number) value).floatValue());
            case DOUBLE -> out.writeNumber(((Number) value).doubleValue());
            case BYTES -> writeBytes(out, value, schema.getLogicalType());
            case NULL -> out.writeNull();
            default -> throw new IllegalArgumentException("Unsupported Avro type in JSON encoding: " + schema);
        }
    }

    private void writeRecord(JsonGenerator out, IndexedRecord record, Schema schema) throws IOException {
        out.writeStartObject();
        for (Schema.Field field : schema.getFields()) {
            out.writeFieldName(field.name());
            writeValue(out, record.get(field.pos()), field.schema());
        }
        out.writeEndObject();
    }

    private void writeUnion(JsonGenerator out, Object value, Schema schema) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        writeValue(out, value, schema.getTypes().get(model.resolveUnion(schema, value)));
    }

    private static void writeLong(JsonGenerator out, Object value, LogicalType logicalType) throws IOException {
        if (value instanceof Instant instant) {
            out.writeString(instant.toString());
        } else if (logicalType instanceof LogicalTypes.TimestampMillis) {
            out.writeString(Instant.ofEpochMilli(((Number) value).longValue()).toString());
        } else {
            out.writeNumber(((Number) value).longValue());
        }
    }

    private static void writeBytes(JsonGenerator out, Object value, LogicalType logicalType) throws IOException {
        if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal.toPlainString());
        } else if (logicalType instanceof LogicalTypes.Decimal decimalType) {
            byte[] raw = toArray((ByteBuffer) value);
            out.writeNumber(new BigDecimal(new java.math.BigInteger(raw), decimalType.getScale()).toPlainString());
        } else {
            out.writeString(Base64.getEncoder().encodeToString(toArray((ByteBuffer) value)));
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
