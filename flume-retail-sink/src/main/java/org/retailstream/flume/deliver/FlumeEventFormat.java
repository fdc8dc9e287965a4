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
package org.retailstream.flume.deliver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.flume.source.avro.AvroFlumeEvent;

/**
 * Flume's Avro event format ({@code useFlumeEventFormat=true}): headers and body in one value,
 * readable by Flume's KafkaSource and KafkaChannel with {@code parseAsFlumeEvent}.
 */
final class FlumeEventFormat {

    private final SpecificDatumWriter<AvroFlumeEvent> writer = new SpecificDatumWriter<>(AvroFlumeEvent.class);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private BinaryEncoder encoder;

    byte[] encode(Map<String, String> headers, byte[] body) {
        Map<CharSequence, CharSequence> avroHeaders = new HashMap<>(headers);
        buffer.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
        try {
            writer.write(new AvroFlumeEvent(avroHeaders, ByteBuffer.wrap(body)), encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Flume event format", e);
        }
        return buffer.toByteArray();
    }
}
