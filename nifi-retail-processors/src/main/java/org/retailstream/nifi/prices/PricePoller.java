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
package org.retailstream.nifi.prices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;
import org.retailstream.nifi.http.ApiClient;
import org.retailstream.nifi.http.ApiFailures;
import org.retailstream.nifi.http.ApiResponse;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.http.Polls;
import org.retailstream.nifi.http.RetryableApiException;
import org.retailstream.nifi.http.SecretRedactor;
import org.retailstream.nifi.json.JsonItemStream;
import org.retailstream.nifi.json.MalformedResponseException;
import org.retailstream.nifi.paging.Pager;
import org.retailstream.nifi.paging.PagingSettings;
import org.retailstream.nifi.record.InvalidItems;
import org.retailstream.nifi.record.RecordFlowFileWriter;

/**
 * One poll of every price endpoint, page by page, inside one NiFi session: each page's items are
 * streamed from the response into records (valid and changed), invalid items, or, when the page is
 * not the expected JSON, the raw page to failure.
 */
final class PricePoller {

    /** How items are read and which of them are emitted. */
    record Settings(
            RecordSchema schema,
            PriceFieldPaths paths,
            String itemsPath,
            String defaultCompetitor,
            String defaultCurrency,
            PagingSettings paging,
            boolean changedOnly) {}

    private final ApiClient client;
    private final RecordSetWriterFactory writerFactory;
    private final Settings settings;
    private final SecretRedactor redactor;
    private final ComponentLog log;

    PricePoller(
            ApiClient client,
            RecordSetWriterFactory writerFactory,
            Settings settings,
            SecretRedactor redactor,
            ComponentLog log) {
        this.client = client;
        this.writerFactory = writerFactory;
        this.settings = settings;
        this.redactor = redactor;
        this.log = log;
    }

    PollSummary poll(ProcessSession session, List<URI> endpoints, PriceFingerprints fingerprints, Instant pollTime)
            throws RetryableApiException, IOException, SchemaNotFoundException {
        PollSummary summary = new PollSummary();
        for (URI endpoint : endpoints) {
            Pager pager = new Pager(settings.paging(), endpoint);
            Optional<URI> page = Optional.of(pager.firstPage());
            while (page.isPresent()) {
                ApiResponse response = client.get(session, page.get());
                summary.pages++;
                Optional<JsonItemStream.Page> read =
                        readPage(session, response, pager.pagesFetched() + 1, fingerprints, pollTime, summary);
                if (read.isEmpty()) {
                    break;
                }
                page = pager.next(
                        response.headers(), read.get().envelope(), read.get().itemCount());
            }
            log.debug("Paging of {} stopped: {}", redactor.redact(endpoint.toString()), pager.stopReason());
        }
        return summary;
    }

    private Optional<JsonItemStream.Page> readPage(
            ProcessSession session,
            ApiResponse response,
            int pageNumber,
            PriceFingerprints fingerprints,
            Instant pollTime,
            PollSummary summary)
            throws IOException, SchemaNotFoundException {
        String sourceUrl = redactor.redact(response.uri().toString());
        if (!response.isSuccessful()) {
            summary.failedResponses++;
            ApiFailures.routeRefused(session, response, sourceUrl, log);
            return Optional.empty();
        }
        PriceItemMapper mapper = new PriceItemMapper(
                settings.schema(),
                settings.paths(),
                settings.defaultCompetitor(),
                settings.defaultCurrency(),
                sourceUrl,
                pollTime);
        RecordFlowFileWriter records = RecordFlowFileWriter.open(session, writerFactory, settings.schema(), log);
        InvalidItems invalid = new InvalidItems(session);
        long[] unchanged = {0};
        JsonItemStream.Page page;
        try (InputStream body = session.read(response.body())) {
            page = new JsonItemStream(settings.itemsPath()).read(body, item -> {
                try {
                    Record price = mapper.map(item);
                    if (!settings.changedOnly() || fingerprints.changed(price)) {
                        records.write(price);
                    } else {
                        unchanged[0]++;
                    }
                } catch (InvalidItemException e) {
                    invalid.add(item, e.getMessage());
                }
            });
        } catch (MalformedResponseException e) {
            records.discard();
            invalid.discard();
            fingerprints.discardPage();
            summary.failedResponses++;
            ApiFailures.routeToFailure(session, response, e.getMessage(), sourceUrl, log);
            return Optional.empty();
        }
        fingerprints.commitPage();
        session.remove(response.body());
        summary.unchanged += unchanged[0];
        summary.invalid += invalid.count();
        Map<String, String> attributes = new HashMap<>();
        attributes.put(PollingProperties.SOURCE_URL, sourceUrl);
        attributes.put(PollingProperties.POLL_TIME, pollTime.toString());
        attributes.put(PollingProperties.PAGE_NUMBER, String.valueOf(pageNumber));
        FlowFile emitted = Polls.emit(session, records.finish(), attributes, sourceUrl, PollingProperties.SUCCESS);
        if (emitted != null) {
            summary.emitted += Long.parseLong(emitted.getAttribute(RecordFlowFileWriter.RECORD_COUNT));
        }
        Polls.emit(session, invalid.finish(), attributes, sourceUrl, PollingProperties.INVALID);
        return Optional.of(page);
    }
}
