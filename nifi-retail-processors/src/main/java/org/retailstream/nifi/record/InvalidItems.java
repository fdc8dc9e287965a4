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

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.flowfile.attributes.CoreAttributes;
import org.apache.nifi.processor.ProcessSession;
import org.retailstream.nifi.json.Json;

/**
 * Collects the items of a response that could not become records, each with the reason, into one
 * JSON array FlowFile: {@code [{"error": "...", "item": {...}}, ...]}. Nothing is dropped silently;
 * the rest of the page still becomes records.
 */
public final class InvalidItems {

    public static final String INVALID_COUNT = "invalid.count";
    public static final String ERROR_MESSAGE = "error.message";

    private final ProcessSession session;
    private FlowFile flowFile;
    private JsonGenerator generator;
    private long count;
    private String firstError;

    public InvalidItems(ProcessSession session) {
        this.session = session;
    }

    public void add(JsonNode item, String error) throws IOException {
        if (generator == null) {
            flowFile = session.create();
            generator = Json.MAPPER.createGenerator(session.write(flowFile));
            generator.writeStartArray();
            firstError = error;
        }
        generator.writeStartObject();
        generator.writeStringField("error", error);
        generator.writeFieldName("item");
        generator.writeTree(item);
        generator.writeEndObject();
        count++;
    }

    public long count() {
        return count;
    }

    /** The FlowFile of invalid items, or null when every item was valid. */
    public FlowFile finish() throws IOException {
        if (generator == null) {
            return null;
        }
        generator.writeEndArray();
        generator.close();
        generator = null;
        return session.putAllAttributes(
                flowFile,
                Map.of(
                        INVALID_COUNT,
                        String.valueOf(count),
                        ERROR_MESSAGE,
                        firstError + (count > 1 ? " (and " + (count - 1) + " more)" : ""),
                        CoreAttributes.MIME_TYPE.key(),
                        "application/json"));
    }

    public void discard() {
        if (generator != null) {
            try {
                generator.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generator = null;
            session.remove(flowFile);
        }
    }
}
