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
package org.retailstream.flume.enrich;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.retailstream.flume.config.SinkSettings;

/**
 * Turns a Flume event's headers and body into the Kafka headers of its record: forwarded Flume
 * headers, mapped headers ({@code header.X = Y}), and the enrichment (host, IP, ingest time, sink,
 * event id, source file, static headers, fields extracted from the body).
 *
 * <p>Not thread-safe (the hash digest, the regex matcher and the last ingest time are reused); one
 * instance per sink, used by its runner thread.
 */
public final class EventEnricher {

    /** Flume headers that name the file an event was read from (spooling directory / TAILDIR). */
    private static final String[] FILE_HEADERS = {"basename", "file"};

    private final SinkSettings.Enrichment config;
    private final SinkSettings.Forwarding forwarding;
    private final Map<String, String> headerMappings;
    private final BodyFields bodyFields;
    private final EventIds eventIds;
    private final List<Header> constantHeaders;
    private long lastIngestMillis;
    private byte[] lastIngestTime;

    public EventEnricher(SinkSettings settings, AgentIdentity agent, String sinkName) {
        this.config = settings.enrichment();
        this.forwarding = settings.forwarding();
        this.headerMappings = settings.headerMappings();
        this.bodyFields = BodyFields.of(config.extractRegex(), config.extractGroups());
        this.eventIds = new EventIds(config.eventId());
        this.constantHeaders = constantHeaders(config, agent, sinkName);
    }

    private static List<Header> constantHeaders(SinkSettings.Enrichment config, AgentIdentity agent, String sinkName) {
        List<Header> headers = new ArrayList<>();
        add(headers, config.hostHeader(), agent.hostName());
        add(headers, config.ipHeader(), agent.address());
        add(headers, config.sinkHeader(), agent.agentName() + "." + sinkName);
        config.staticHeaders().forEach((name, value) -> add(headers, name, value));
        return List.copyOf(headers);
    }

    /** The body fields extracted by the configured regex (also used for routing by key). */
    public Map<String, String> extractFields(byte[] body) {
        return bodyFields.extract(body);
    }

    /**
     * The Kafka headers for one event.
     *
     * @param flumeHeaders the event's headers
     * @param body the event's body
     * @param fields the fields {@link #extractFields} found in the body
     * @param ingestMillis when the sink took the event
     */
    public List<Header> headersFor(
            Map<String, String> flumeHeaders, byte[] body, Map<String, String> fields, long ingestMillis) {
        List<Header> headers = new ArrayList<>(flumeHeaders.size() + constantHeaders.size() + fields.size() + 4);
        String eventIdHeader = config.eventIdHeader();
        for (Map.Entry<String, String> header : flumeHeaders.entrySet()) {
            String mapped = headerMappings.get(header.getKey());
            if (mapped != null) {
                add(headers, mapped, header.getValue());
            } else if (forwarding.forwards(header.getKey()) && !header.getKey().equals(eventIdHeader)) {
                add(headers, header.getKey(), header.getValue());
            }
        }
        headers.addAll(constantHeaders);
        if (!config.ingestTimeHeader().isEmpty()) {
            headers.add(new RecordHeader(config.ingestTimeHeader(), ingestTime(ingestMillis)));
        }
        if (!eventIdHeader.isEmpty()) {
            // Whatever the forwarding policy, every record carries an id (duplicates are found by it
            // downstream); one set upstream (e.g. Flume's UUID interceptor) is kept, as it is stable
            // on redelivery.
            String upstream = flumeHeaders.get(eventIdHeader);
            if (upstream != null) {
                add(headers, eventIdHeader, upstream);
            } else {
                headers.add(new RecordHeader(eventIdHeader, eventIds.idFor(body)));
            }
        }
        if (!config.sourceFileHeader().isEmpty()) {
            for (String fileHeader : FILE_HEADERS) {
                String file = flumeHeaders.get(fileHeader);
                if (file != null) {
                    add(headers, config.sourceFileHeader(), file);
                    break;
                }
            }
        }
        fields.forEach((group, value) -> add(headers, config.extractHeaderPrefix() + group, value));
        return headers;
    }

    /** The sink stamps a whole batch with one ingest time: its text is made once per batch, not per event. */
    private byte[] ingestTime(long millis) {
        if (millis != lastIngestMillis || lastIngestTime == null) {
            lastIngestMillis = millis;
            lastIngestTime = Long.toString(millis).getBytes(StandardCharsets.US_ASCII);
        }
        return lastIngestTime;
    }

    private static void add(List<Header> headers, String name, String value) {
        if (!name.isEmpty() && value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
