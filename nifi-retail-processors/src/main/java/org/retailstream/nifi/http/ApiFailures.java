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

import java.util.HashMap;
import java.util.Map;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;

/** What the pollers do when an API answer is unusable: route the raw response, or back off. */
public final class ApiFailures {

    public static final String ERROR_MESSAGE = "error.message";

    private ApiFailures() {}

    /** Sends the raw response to failure, saying what was wrong; nothing of it is dropped. */
    public static void routeToFailure(
            ProcessSession session, ApiResponse response, String error, String sourceUrl, ComponentLog log) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(ERROR_MESSAGE, error);
        attributes.put(PollingProperties.SOURCE_URL, sourceUrl);
        attributes.put(PollingProperties.HTTP_STATUS_CODE, String.valueOf(response.statusCode()));
        FlowFile failed = session.putAllAttributes(response.body(), attributes);
        session.getProvenanceReporter().receive(failed, sourceUrl, error);
        session.transfer(failed, PollingProperties.FAILURE);
        log.warn("Response from {} routed to failure: {}", sourceUrl, error);
    }

    /** Sends a response the API answered with a non-retryable error status (4xx) to failure. */
    public static void routeRefused(ProcessSession session, ApiResponse response, String sourceUrl, ComponentLog log) {
        routeToFailure(
                session, response, "The API refused the request with HTTP " + response.statusCode(), sourceUrl, log);
    }

    /** The API cannot answer now: undo the poll and wait as long as it asked, or one yield. */
    public static void backOff(
            ProcessContext context, ProcessSession session, RetryGate gate, RetryableApiException e, ComponentLog log) {
        session.rollback();
        if (e.retryAfter().isPresent()) {
            gate.closeFor(e.retryAfter().get(), PollingProperties.maxRetryAfter(context));
            log.warn("{}; nothing emitted, polling again after {} as the API asked", e.getMessage(), gate.opensAt());
        } else {
            log.warn("{}; nothing emitted, yielding before the next poll", e.getMessage());
        }
        context.yield();
    }
}
