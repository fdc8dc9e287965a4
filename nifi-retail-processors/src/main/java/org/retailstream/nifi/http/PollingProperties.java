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

import java.time.Duration;
import java.util.Set;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.processor.util.StandardValidators;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.web.client.provider.api.WebClientServiceProvider;

/** Properties, relationships and attributes every retail API poller shares. */
public final class PollingProperties {

    public static final PropertyDescriptor WEB_CLIENT_SERVICE = new PropertyDescriptor.Builder()
            .name("Web Client Service")
            .description("Sends the HTTP requests; TLS, proxy and timeouts are configured on this service.")
            .identifiesControllerService(WebClientServiceProvider.class)
            .required(true)
            .build();

    public static final PropertyDescriptor RECORD_WRITER = new PropertyDescriptor.Builder()
            .name("Record Writer")
            .description("Writes the records (JSON, Avro, ...). With 'Inherit Record Schema' the records"
                    + " carry the topic's schema from the retail-stream event contract.")
            .identifiesControllerService(RecordSetWriterFactory.class)
            .required(true)
            .build();

    public static final PropertyDescriptor MAX_RETRY_AFTER = new PropertyDescriptor.Builder()
            .name("Maximum Retry-After")
            .description("Longest wait honoured from an HTTP 429/503 Retry-After header; longer requests"
                    + " are cut to this. Without the header the processor yields for its Yield Duration.")
            .required(true)
            .defaultValue("15 min")
            .addValidator(StandardValidators.TIME_PERIOD_VALIDATOR)
            .build();

    public static final Relationship SUCCESS = new Relationship.Builder()
            .name("success")
            .description("Records, one FlowFile per response page that produced any.")
            .build();

    public static final Relationship INVALID = new Relationship.Builder()
            .name("invalid")
            .description("Items that could not become records, as a JSON array of {error, item};"
                    + " the valid items of the same page still go to success.")
            .build();

    public static final Relationship FAILURE = new Relationship.Builder()
            .name("failure")
            .description("The raw response when it is not the expected JSON, or when the API refused the"
                    + " request (4xx other than 429), with error.message and http.status.code.")
            .build();

    /** The relationships of every poller. */
    public static final Set<Relationship> RELATIONSHIPS = Set.of(SUCCESS, INVALID, FAILURE);

    /** Attributes written on every FlowFile the pollers emit. */
    public static final String SOURCE_URL = "source.url";

    public static final String POLL_TIME = "poll.time";
    public static final String PAGE_NUMBER = "page.number";
    public static final String HTTP_STATUS_CODE = "http.status.code";

    private PollingProperties() {}

    public static Duration maxRetryAfter(org.apache.nifi.processor.ProcessContext context) {
        return Duration.ofMillis(
                context.getProperty(MAX_RETRY_AFTER).asTimePeriod(java.util.concurrent.TimeUnit.MILLISECONDS));
    }
}
