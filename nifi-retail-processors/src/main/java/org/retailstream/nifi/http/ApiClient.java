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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.exception.FlowFileAccessException;
import org.apache.nifi.web.client.api.HttpRequestBodySpec;
import org.apache.nifi.web.client.api.HttpResponseEntity;
import org.apache.nifi.web.client.api.WebClientService;
import org.apache.nifi.web.client.api.WebClientServiceException;
import org.apache.nifi.web.client.provider.api.WebClientServiceProvider;

/**
 * GETs one URL through NiFi's web client and streams the body into a new FlowFile. Answers the API
 * cannot give now (429, 5xx, I/O failures and timeouts) become {@link RetryableApiException}.
 */
public final class ApiClient {

    private static final int TOO_MANY_REQUESTS = 429;

    private final WebClientService webClient;
    private final Map<String, String> requestHeaders;
    private final SecretRedactor redactor;
    private final Clock clock;

    public ApiClient(
            WebClientService webClient, Map<String, String> requestHeaders, SecretRedactor redactor, Clock clock) {
        this.webClient = webClient;
        this.requestHeaders = Map.copyOf(requestHeaders);
        this.redactor = redactor;
        this.clock = clock;
    }

    /**
     * The client of a processor: its Web Client Service, {@code Accept: application/json} and the
     * given headers (credentials).
     */
    public static ApiClient from(
            ProcessContext context, Map<String, String> headers, SecretRedactor redactor, Clock clock) {
        Map<String, String> all = new java.util.HashMap<>();
        all.put("Accept", "application/json");
        all.putAll(headers);
        return new ApiClient(
                context.getProperty(PollingProperties.WEB_CLIENT_SERVICE)
                        .asControllerService(WebClientServiceProvider.class)
                        .getWebClientService(),
                all,
                redactor,
                clock);
    }

    public ApiResponse get(ProcessSession session, URI uri) throws RetryableApiException {
        HttpRequestBodySpec request = webClient.get().uri(uri);
        requestHeaders.forEach(request::header);
        try (HttpResponseEntity response = request.retrieve()) {
            int status = response.statusCode();
            if (status == TOO_MANY_REQUESTS || status >= 500) {
                Optional<String> retryAfter = response.headers().getFirstHeader("Retry-After");
                throw new RetryableApiException(
                        "HTTP " + status + " from " + redactor.redact(uri.toString()),
                        retryAfter.flatMap(value -> RetryAfter.parse(value, clock)),
                        null);
            }
            FlowFile body = importBody(session, response.body());
            return new ApiResponse(uri, status, response.headers(), body);
        } catch (WebClientServiceException | FlowFileAccessException | UncheckedIOException | IOException e) {
            throw new RetryableApiException(
                    "Request to " + redactor.redact(uri.toString()) + " failed: " + redactor.redact(rootMessage(e)),
                    Optional.empty(),
                    e);
        }
    }

    private static FlowFile importBody(ProcessSession session, InputStream body) {
        FlowFile flowFile = session.create();
        try {
            return session.importFrom(body, flowFile);
        } catch (RuntimeException e) {
            session.remove(flowFile);
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
