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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a processor from calling an API again before the time the API asked for (HTTP 429
 * {@code Retry-After}). NiFi's yield has one fixed duration per processor, so the wait is kept here.
 */
public final class RetryGate {

    private final Clock clock;
    private volatile Instant notBefore = Instant.MIN;

    public RetryGate(Clock clock) {
        this.clock = clock;
    }

    /** True while the API's requested wait has not passed. */
    public boolean isClosed() {
        return clock.instant().isBefore(notBefore);
    }

    /** Closes the gate for the requested wait, capped so a bad header cannot stop polling for days. */
    public void closeFor(Duration wait, Duration cap) {
        Duration bounded = wait.compareTo(cap) > 0 ? cap : wait;
        notBefore = clock.instant().plus(bounded);
    }

    public Instant opensAt() {
        return notBefore;
    }
}
