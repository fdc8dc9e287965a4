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

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;

/**
 * Flink type information for the generated event classes, serialized with Avro's binary encoding.
 * Flink's own AvroTypeInfo insists on POJO rules, which the generated classes do not meet (their
 * fields keep the schema's snake_case names while accessors are camelCase), and Kryo would be slower.
 */
public final class EventTypeInfo<T extends SpecificRecord> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    private EventTypeInfo(Class<T> type) {
        this.type = type;
    }

    public static <T extends SpecificRecord> EventTypeInfo<T> forEvent(Class<T> type) {
        return new EventTypeInfo<>(type);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new AvroSerializer<>(type);
    }

    @Override
    public String toString() {
        return "EventTypeInfo<" + type.getName() + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventTypeInfo<?> that && that.type.equals(type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(EventTypeInfo.class, type);
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof EventTypeInfo;
    }
}
