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

import org.retailstream.events.model.UserSession;

/** How many sessions closed this run, how long they lasted on average and how many ended in a checkout. */
public final class SessionStats {

    /** @param meanDurationMs 0 before the first session */
    public record Snapshot(long sessions, long meanDurationMs, long converted, double conversionPercent) {}

    private long sessions;
    private long totalDurationMs;
    private long converted;

    public synchronized void accept(UserSession session) {
        sessions++;
        totalDurationMs += session.getDurationMs();
        if (session.getConverted()) {
            converted++;
        }
    }

    public synchronized Snapshot snapshot() {
        return sessions == 0
                ? new Snapshot(0, 0, 0, 0)
                : new Snapshot(sessions, totalDurationMs / sessions, converted, 100.0 * converted / sessions);
    }
}
