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
package org.retailstream.nifi.record;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.nifi.serialization.SimpleRecordSchema;
import org.apache.nifi.serialization.record.DataType;
import org.apache.nifi.serialization.record.RecordField;
import org.apache.nifi.serialization.record.RecordFieldType;
import org.apache.nifi.serialization.record.RecordSchema;
import org.apache.nifi.serialization.record.SchemaIdentifier;

/**
 * Turns a topic's Avro schema (the contract in retail-events) into the NiFi record schema the
 * processors write, so records carry the contract's names, types, nullability and defaults, and a
 * writer that infers nothing produces exactly the topic's shape.
 */
public final class AvroRecordSchemas {

    private AvroRecordSchemas() {}

    public static RecordSchema toRecordSchema(Schema avro) {
        List<RecordField> fields = new ArrayList<>();
        for (Schema.Field field : avro.getFields()) {
            Schema type = field.schema();
            boolean nullable = type.isNullable();
            Schema valueType = nullable ? nonNull(type) : type;
            Object defaultValue = field.hasDefaultValue() && field.defaultVal() != JsonProperties.NULL_VALUE
                    ? field.defaultVal()
                    : null;
            fields.add(new RecordField(field.name(), dataType(valueType), defaultValue, nullable));
        }
        // Keeping the Avro text lets Avro writers write the contract's schema as it is (enums, docs, names).
        SimpleRecordSchema schema = new SimpleRecordSchema(
                fields,
                avro.toString(),
                "avro",
                SchemaIdentifier.builder().name(avro.getFullName()).build());
        schema.setSchemaName(avro.getName());
        schema.setSchemaNamespace(avro.getNamespace());
        return schema;
    }

    private static Schema nonNull(Schema union) {
        return union.getTypes().stream()
                .filter(member -> member.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow();
    }

    private static DataType dataType(Schema type) {
        LogicalType logical = type.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return RecordFieldType.DECIMAL.getDecimalDataType(decimal.getPrecision(), decimal.getScale());
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return RecordFieldType.TIMESTAMP.getDataType();
        }
        return switch (type.getType()) {
            case STRING -> RecordFieldType.STRING.getDataType();
            case DOUBLE -> RecordFieldType.DOUBLE.getDataType();
            case FLOAT -> RecordFieldType.FLOAT.getDataType();
            case LONG -> RecordFieldType.LONG.getDataType();
            case INT -> RecordFieldType.INT.getDataType();
            case BOOLEAN -> RecordFieldType.BOOLEAN.getDataType();
            case ENUM -> RecordFieldType.ENUM.getEnumDataType(type.getEnumSymbols());
            default ->
                throw new IllegalArgumentException(
                        "Avro type " + type + " has no mapping to a NiFi record type here; add one");
        };
    }
}
