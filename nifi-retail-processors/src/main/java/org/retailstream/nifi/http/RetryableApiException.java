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
import java.util.Optional;

/**
 * The API cannot answer now (HTTP 429, 5xx, connection failure or timeout). The poll is rolled back:
 * no FlowFile leaves, state does not move, and the processor backs off.
 */
public final class RetryableApiException extends Exception {

    private final transient Optional<Duration> retryAfter;

    public RetryableApiException(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait the server asked for (429 or 503 with {@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
