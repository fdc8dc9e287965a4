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
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;

/**
 * One Kafka record after decoding: either the typed value, or what is needed to dead-letter it
 * (the raw bytes, where they came from, and why they could not be decoded).
 *
 * @param <T> the topic's record type
 */
public final class Decoded<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final T value;
    private final RawRecord raw;
    private final String error;

    private Decoded(T value, RawRecord raw, String error) {
        this.value = value;
        this.raw = raw;
        this.error = error;
    }

    /** A decoded record, with the record as read (the same arrays, no copy) for a late event's dead letter. */
    static <T> Decoded<T> of(T value, RawRecord raw) {
        return new Decoded<>(value, raw, null);
    }

    static <T> Decoded<T> failed(RawRecord raw, String error) {
        return new Decoded<>(null, raw, error);
    }

    /** The type the deserializers declare: the wrapper stays in the source's operator chain. */
    @SuppressWarnings("unchecked")
    static <T> TypeInformation<Decoded<T>> typeInfo() {
        return new GenericTypeInfo<>((Class<Decoded<T>>) (Class<?>) Decoded.class);
    }

    public boolean isValid() {
        return error == null;
    }

    public T value() {
        return value;
    }

    /** The record as read. */
    public RawRecord raw() {
        return raw;
    }

    /** Why it could not be decoded; null for a valid one. */
    public String error() {
        return error;
    }
}
