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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a provider's response said about one location: an observation, or the reason the location's
 * part of the response could not become one (kept with that part for the invalid relationship).
 */
record ProviderReading(StoreLocation location, JsonNode source, Observation observation, String error) {

    static ProviderReading of(StoreLocation location, JsonNode source, Observation observation) {
        return new ProviderReading(location, source, observation, null);
    }

    static ProviderReading invalid(StoreLocation location, JsonNode source, String error) {
        return new ProviderReading(location, source, null, "Location " + location.id() + ": " + error);
    }

    boolean isValid() {
        return observation != null;
    }
}
