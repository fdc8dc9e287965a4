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

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.flowfile.attributes.CoreAttributes;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.RecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.WriteResult;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;

/**
 * Writes records into one new FlowFile with the user's RecordSetWriter, as they are produced.
 * {@link #finish()} gives the FlowFile with {@code record.count} and {@code mime.type}, or nothing
 * when no record was written (no empty FlowFiles); {@link #discard()} removes it.
 */
public final class RecordFlowFileWriter implements AutoCloseable {

    public static final String RECORD_COUNT = "record.count";

    private final ProcessSession session;
    private FlowFile flowFile;
    private final OutputStream out;
    private final RecordSetWriter writer;
    private boolean open = true;

    private RecordFlowFileWriter(ProcessSession session, FlowFile flowFile, OutputStream out, RecordSetWriter writer) {
        this.session = session;
        this.flowFile = flowFile;
        this.out = out;
        this.writer = writer;
    }

    public static RecordFlowFileWriter open(
            ProcessSession session, RecordSetWriterFactory factory, RecordSchema schema, ComponentLog log)
            throws IOException, SchemaNotFoundException {
        FlowFile flowFile = session.create();
        Map<String, String> attributes = flowFile.getAttributes();
        RecordSchema writeSchema = factory.getSchema(attributes, schema);
        OutputStream out = session.write(flowFile);
        try {
            RecordSetWriter writer = factory.createWriter(log, writeSchema, out, attributes);
            writer.beginRecordSet();
            return new RecordFlowFileWriter(session, flowFile, out, writer);
        } catch (IOException | SchemaNotFoundException | RuntimeException e) {
            out.close();
            session.remove(flowFile);
            throw e;
        }
    }

    public void write(Record record) throws IOException {
        writer.write(record);
    }

    /** Closes the record set; returns the FlowFile, or null (and removes it) when it holds no record. */
    public FlowFile finish() throws IOException {
        WriteResult result = writer.finishRecordSet();
        String mimeType = writer.getMimeType();
        closeStreams();
        if (result.getRecordCount() == 0) {
            session.remove(flowFile);
            return null;
        }
        Map<String, String> attributes = new HashMap<>(result.getAttributes());
        attributes.put(RECORD_COUNT, String.valueOf(result.getRecordCount()));
        attributes.put(CoreAttributes.MIME_TYPE.key(), mimeType);
        flowFile = session.putAllAttributes(flowFile, attributes);
        return flowFile;
    }

    /** Drops what was written (the page it came from turned out to be malformed). */
    public void discard() {
        try {
            closeStreams();
        } catch (IOException ignored) {
            // the FlowFile is removed either way
        }
        session.remove(flowFile);
    }

    @Override
    public void close() throws IOException {
        closeStreams();
    }

    private void closeStreams() throws IOException {
        if (open) {
            open = false;
            try (out) {
                writer.close();
            }
        }
    }
}
