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
package org.retailstream.nifi.weather;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.record.RecordSchema;
import org.retailstream.nifi.http.ApiClient;
import org.retailstream.nifi.http.ApiFailures;
import org.retailstream.nifi.http.ApiResponse;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.http.Polls;
import org.retailstream.nifi.http.RetryableApiException;
import org.retailstream.nifi.http.SecretRedactor;
import org.retailstream.nifi.json.Json;
import org.retailstream.nifi.json.MalformedResponseException;
import org.retailstream.nifi.record.InvalidItems;
import org.retailstream.nifi.record.RecordFlowFileWriter;

/** One poll of every store's weather, request by request, inside one NiFi session. */
final class WeatherPoller {

    private final ApiClient client;
    private final WeatherProvider provider;
    private final RecordSetWriterFactory writerFactory;
    private final RecordSchema schema;
    private final SecretRedactor redactor;
    private final ComponentLog log;

    WeatherPoller(
            ApiClient client,
            WeatherProvider provider,
            RecordSetWriterFactory writerFactory,
            RecordSchema schema,
            SecretRedactor redactor,
            ComponentLog log) {
        this.client = client;
        this.provider = provider;
        this.writerFactory = writerFactory;
        this.schema = schema;
        this.redactor = redactor;
        this.log = log;
    }

    /** Returns the number of observations emitted. */
    long poll(ProcessSession session, List<WeatherProvider.Request> requests, LastObservations last, Instant pollTime)
            throws RetryableApiException, IOException, SchemaNotFoundException {
        long emitted = 0;
        for (WeatherProvider.Request request : requests) {
            emitted += pollOne(session, request, last, pollTime);
        }
        return emitted;
    }

    private long pollOne(
            ProcessSession session, WeatherProvider.Request request, LastObservations last, Instant pollTime)
            throws RetryableApiException, IOException, SchemaNotFoundException {
        URI uri = request.uri();
        ApiResponse response = client.get(session, uri);
        String sourceUrl = redactor.redact(uri.toString());
        if (!response.isSuccessful()) {
            ApiFailures.routeRefused(session, response, sourceUrl, log);
            return 0;
        }
        List<ProviderReading> readings;
        try (InputStream body = session.read(response.body())) {
            readings = provider.read(parse(body), request);
        } catch (MalformedResponseException e) {
            ApiFailures.routeToFailure(session, response, e.getMessage(), sourceUrl, log);
            return 0;
        }
        session.remove(response.body());
        Map<String, String> attributes =
                Map.of(PollingProperties.SOURCE_URL, sourceUrl, PollingProperties.POLL_TIME, pollTime.toString());
        InvalidItems invalid = new InvalidItems(session);
        long written = 0;
        try (RecordFlowFileWriter records = RecordFlowFileWriter.open(session, writerFactory, schema, log)) {
            for (ProviderReading reading : readings) {
                if (!reading.isValid()) {
                    invalid.add(reading.source(), reading.error());
                } else if (last.isNew(reading.observation())) {
                    records.write(reading.observation().toRecord(schema));
                    written++;
                }
            }
            Polls.emit(session, records.finish(), attributes, sourceUrl, PollingProperties.SUCCESS);
        }
        Polls.emit(session, invalid.finish(), attributes, sourceUrl, PollingProperties.INVALID);
        return written;
    }

    private static JsonNode parse(InputStream body) throws IOException, MalformedResponseException {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedResponseException("The response is empty, expected JSON", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("The response is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
