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
package org.retailstream.nifi.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.nifi.web.client.api.HttpEntityHeaders;

/**
 * Walks the pages of one endpoint. Paging stops when the API says there is no next page, on an
 * empty page, at the page limit, and when a next page repeats one already fetched (a cursor or link
 * loop would otherwise poll forever); {@link #stopReason()} says which.
 */
public final class Pager {

    private final PagingSettings settings;
    private final Set<URI> visited = new HashSet<>();
    private URI current;
    private int pagesFetched;
    private long nextPageNumber;
    private long nextOffset;
    private String stopReason = "not started";

    public Pager(PagingSettings settings, URI endpoint) {
        this.settings = settings;
        this.current = switch (settings.strategy()) {
            case PAGE_NUMBER ->
                QueryParameters.with(endpoint, settings.pageParameter(), String.valueOf(settings.firstPage()));
            case OFFSET ->
                QueryParameters.with(
                        QueryParameters.with(endpoint, settings.offsetParameter(), "0"),
                        settings.limitParameter(),
                        String.valueOf(settings.pageSize()));
            default -> endpoint;
        };
        this.nextPageNumber = settings.firstPage() + 1;
    }

    public URI firstPage() {
        visited.add(current);
        return current;
    }

    /** The page to fetch after the one just read, if any. */
    public Optional<URI> next(HttpEntityHeaders headers, JsonNode envelope, long itemCount) {
        pagesFetched++;
        if (settings.strategy() == PaginationStrategy.NONE) {
            return stop("single request");
        }
        if (itemCount == 0) {
            return stop("empty page");
        }
        Optional<URI> candidate = candidate(headers, envelope, itemCount);
        if (candidate.isEmpty()) {
            return stop("no next page");
        }
        if (pagesFetched >= settings.maxPages()) {
            return stop("page limit of " + settings.maxPages() + " reached");
        }
        if (!visited.add(candidate.get())) {
            return stop("loop guard: the next page repeats one already fetched");
        }
        current = candidate.get();
        return candidate;
    }

    public int pagesFetched() {
        return pagesFetched;
    }

    public String stopReason() {
        return stopReason;
    }

    private Optional<URI> candidate(HttpEntityHeaders headers, JsonNode envelope, long itemCount) {
        return switch (settings.strategy()) {
            case NEXT_LINK_IN_BODY -> text(envelope, settings.nextLinkPath()).map(current::resolve);
            case LINK_HEADER ->
                LinkHeader.next(headers == null ? List.of() : headers.getHeader("Link"))
                        .map(current::resolve);
            case PAGE_NUMBER ->
                Optional.of(QueryParameters.with(current, settings.pageParameter(), String.valueOf(nextPageNumber++)));
            case OFFSET -> {
                nextOffset += itemCount;
                yield Optional.of(
                        QueryParameters.with(current, settings.offsetParameter(), String.valueOf(nextOffset)));
            }
            case CURSOR ->
                text(envelope, settings.cursorPath())
                        .map(cursor -> QueryParameters.with(current, settings.cursorParameter(), cursor));
            case NONE -> Optional.empty();
        };
    }

    private static Optional<String> text(JsonNode envelope, String pointer) {
        JsonNode node = envelope.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String value = node.asText();
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private Optional<URI> stop(String reason) {
        stopReason = reason;
        return Optional.empty();
    }
}
