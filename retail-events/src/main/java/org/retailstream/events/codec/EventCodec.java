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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.retailstream.events.topics.RetailTopic;

/**
 * Encodes and decodes the records of one topic in either {@link WireFormat}; decoding detects the
 * format from the payload, so producers may switch formats without coordinating with consumers.
 *
 * <p>Instances are immutable and thread-safe; build one per topic and reuse it.
 *
 * <pre>{@code
 * EventCodec<CheckoutEvent> codec = EventCodec.forTopic(RetailTopic.CHECKOUT_EVENTS, CheckoutEvent.class);
 * byte[] json = codec.encode(event);                               // JSON by default
 * byte[] avro = codec.encode(event, WireFormat.AVRO_SINGLE_OBJECT);
 * CheckoutEvent back = codec.decode(avro);                         // either format
 * }</pre>
 */
public final class EventCodec<T extends SpecificRecord> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory JSON_FACTORY = MAPPER.getFactory();

    private final String topic;
    private final Class<T> type;
    private final Schema schema;
    private final WireFormat defaultFormat;
    private final JsonRecordWriter jsonWriter;
    private final JsonRecordReader jsonReader;
    private final BinaryMessageEncoder<T> avroEncoder;
    private final BinaryMessageDecoder<T> avroDecoder;

    private EventCodec(String topic, Class<T> type, WireFormat defaultFormat) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultFormat = Objects.requireNonNull(defaultFormat, "defaultFormat");
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.jsonWriter = new JsonRecordWriter(JSON_FACTORY, model);
        this.jsonReader = new JsonRecordReader(MAPPER, model);
        this.avroEncoder = new BinaryMessageEncoder<>(model, schema);
        this.avroDecoder = new BinaryMessageDecoder<>(model, schema);
        for (Schema older : SchemaHistory.olderVersionsOf(schema.getFullName(), type.getClassLoader())) {
            avroDecoder.addSchema(older);
        }
    }

    /** A codec for a catalogue topic; {@code type} must be the topic's value class. */
    public static <T extends SpecificRecord> EventCodec<T> forTopic(RetailTopic topic, Class<T> type) {
        if (!topic.valueClass().equals(type)) {
            throw new IllegalArgumentException("Topic " + topic.topicName() + " carries "
                    + topic.valueClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return new EventCodec<>(topic.topicName(), type, WireFormat.JSON);
    }

    /** A codec for a catalogue topic when the value type is not known statically. */
    public static EventCodec<? extends SpecificRecord> forTopic(RetailTopic topic) {
        return new EventCodec<>(topic.topicName(), topic.valueClass(), WireFormat.JSON);
    }

    /** A codec for any topic name (a renamed or extra topic) carrying records of {@code type}. */
    public static <T extends SpecificRecord> EventCodec<T> forTopicName(String topic, Class<T> type) {
        return new EventCodec<>(topic, type, WireFormat.JSON);
    }

    /** The same codec, encoding with {@code format} when none is given. */
    public EventCodec<T> withDefaultFormat(WireFormat format) {
        return format == defaultFormat ? this : new EventCodec<>(topic, type, format);
    }

    public String topic() {
        return topic;
    }

    public Class<T> type() {
        return type;
    }

    public Schema schema() {
        return schema;
    }

    public WireFormat defaultFormat() {
        return defaultFormat;
    }

    /** CRC-64-AVRO fingerprint of the schema, as written in single-object headers. */
    public long fingerprint() {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    public byte[] encode(T record) {
        return encode(record, defaultFormat);
    }

    public byte[] encode(T record, WireFormat format) {
        Objects.requireNonNull(record, "record");
        return switch (format) {
            case JSON -> jsonWriter.write(record);
            case AVRO_SINGLE_OBJECT -> encodeAvro(record);
        };
    }

    /**
     * Decodes a payload in either wire format.
     *
     * @throws MalformedEventException if the payload is in neither format or does not match the
     *     schema; the message names the topic, the schema and the problem
     */
    public T decode(byte[] payload) {
        WireFormat format = WireFormat.detect(payload)
                .orElseThrow(() -> malformed(
                        describeStart(payload) + " is neither a JSON object nor Avro single-object encoding", null));
        return switch (format) {
            case JSON -> decodeJson(payload);
            case AVRO_SINGLE_OBJECT -> decodeAvro(payload);
        };
    }

    private byte[] encodeAvro(T record) {
        try {
            ByteBuffer buffer = avroEncoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot encode " + schema.getFullName() + " for topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private T decodeJson(byte[] payload) {
        try {
            return type.cast(jsonReader.read(payload, schema));
        } catch (FieldProblem problem) {
            throw malformed(problem.getMessage(), null);
        } catch (JsonProcessingException e) {
            throw malformed("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw malformed("unreadable JSON: " + e.getMessage(), e);
        }
    }

    private T decodeAvro(byte[] payload) {
        try {
            return avroDecoder.decode(payload);
        } catch (MissingSchemaException e) {
            throw malformed(
                    "written with an unknown schema (" + e.getMessage()
                            + "); add that schema version to the schema history",
                    e);
        } catch (BadHeaderException e) {
            throw malformed("bad Avro single-object header: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw malformed("Avro binary body does not match the schema: " + e, e);
        }
    }

    private MalformedEventException malformed(String problem, Throwable cause) {
        return new MalformedEventException(topic, schema.getFullName(), problem, cause);
    }

    private static String describeStart(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return "An empty payload";
        }
        int shown = Math.min(payload.length, 8);
        return "A payload of " + payload.length + " bytes starting with 0x"
                + HexFormat.of().formatHex(payload, 0, shown);
    }
}
