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

import java.util.HashMap;
import java.util.Map;

/**
 * The newest observed-at emitted per store, kept in NiFi cluster state as {@code o.<location id>}
 * (epoch milliseconds), so an observation the provider repeats between its updates is emitted once.
 */
final class LastObservations {

    private static final String KEY_PREFIX = "o.";

    private final Map<String, String> state;

    LastObservations(Map<String, String> state) {
        this.state = new HashMap<>(state);
    }

    /** True, and remembered, when the observation is newer than the last one emitted for its store. */
    boolean isNew(Observation observation) {
        String key = KEY_PREFIX + observation.location().id();
        long observedAt = observation.observedAt().toEpochMilli();
        String last = state.get(key);
        if (last != null && Long.parseLong(last) >= observedAt) {
            return false;
        }
        state.put(key, String.valueOf(observedAt));
        return true;
    }

    Map<String, String> toState() {
        return Map.copyOf(state);
    }
}
