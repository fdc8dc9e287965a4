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
package org.retailstream.nifi.http;

import java.io.IOException;
import java.util.Map;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.processor.exception.ProcessException;
import org.apache.nifi.schema.access.SchemaNotFoundException;

/** What every poller does around one poll and with what it emits. */
public final class Polls {

    /** One poll of a processor, inside its session. */
    @FunctionalInterface
    public interface Poll {
        void run() throws RetryableApiException, IOException, SchemaNotFoundException;
    }

    private Polls() {}

    /**
     * Runs a poll unless the API asked to wait; when the API cannot answer, undoes the poll and backs
     * off; any other failure leaves the session to the framework to roll back.
     */
    public static void run(
            ProcessContext context, ProcessSession session, RetryGate gate, ComponentLog log, String what, Poll poll) {
        if (gate.isClosed()) {
            context.yield();
            return;
        }
        try {
            poll.run();
        } catch (RetryableApiException e) {
            ApiFailures.backOff(context, session, gate, e, log);
        } catch (IOException | SchemaNotFoundException e) {
            throw new ProcessException(what + " poll failed; nothing was emitted", e);
        }
    }

    /** Sends a FlowFile made from a response (if there is one) with its attributes and a RECEIVE event. */
    public static FlowFile emit(
            ProcessSession session,
            FlowFile flowFile,
            Map<String, String> attributes,
            String sourceUrl,
            Relationship relationship) {
        if (flowFile == null) {
            return null;
        }
        FlowFile withAttributes = session.putAllAttributes(flowFile, attributes);
        session.getProvenanceReporter().receive(withAttributes, sourceUrl);
        session.transfer(withAttributes, relationship);
        return withAttributes;
    }
}
