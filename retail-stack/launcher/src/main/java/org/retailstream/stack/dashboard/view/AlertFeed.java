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
package org.retailstream.stack.dashboard.view;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A stream of alerts (abandoned carts, fraud): how many, how many a minute lately, and the newest few.
 *
 * @param <T> what the page shows of one alert
 */
public final class AlertFeed<T> {

    static final int NEWEST = 5;
    /** The rate is over the alerts that reached the dashboard within this span, so it follows changes. */
    static final Duration RATE_SPAN = Duration.ofMinutes(5);

    /** @param perMinute alerts a minute over the last five minutes (or since the first alert, if sooner) */
    public record Snapshot<T>(long total, double perMinute, List<T> newest) {}

    private final InstantSource clock;
    private final Deque<T> newest = new ArrayDeque<>();
    private final Deque<Long> arrivals = new ArrayDeque<>();
    private long total;
    private long firstArrival = -1;

    public AlertFeed(InstantSource clock) {
        this.clock = clock;
    }

    public synchronized void accept(T alert) {
        long now = clock.millis();
        total++;
        if (firstArrival < 0) {
            firstArrival = now;
        }
        arrivals.addLast(now);
        newest.addFirst(alert);
        while (newest.size() > NEWEST) {
            newest.removeLast();
        }
        forgetOldArrivals(now);
    }

    public synchronized Snapshot<T> snapshot() {
        long now = clock.millis();
        forgetOldArrivals(now);
        // Over at least a minute, so the first alert does not read as a burst.
        long span = Math.min(RATE_SPAN.toMillis(), Math.max(60_000, now - firstArrival));
        double perMinute = firstArrival < 0 ? 0 : arrivals.size() * 60_000.0 / span;
        return new Snapshot<>(total, perMinute, List.copyOf(newest));
    }

    private void forgetOldArrivals(long now) {
        while (!arrivals.isEmpty() && arrivals.peekFirst() < now - RATE_SPAN.toMillis()) {
            arrivals.removeFirst();
        }
    }
}
