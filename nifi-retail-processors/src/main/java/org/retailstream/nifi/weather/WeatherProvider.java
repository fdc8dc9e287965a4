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
import java.net.URI;
import java.util.List;
import org.retailstream.nifi.json.MalformedResponseException;

/** One weather API: how to ask it about stores and how to read its answer into observations. */
interface WeatherProvider {

    /** A request and the stores it asks about, in the order the response answers them. */
    record Request(URI uri, List<StoreLocation> locations) {}

    List<Request> requests(URI baseUrl, List<StoreLocation> locations, String apiKey);

    /** Reads a response; a response that does not match the request as a whole is malformed. */
    List<ProviderReading> read(JsonNode body, Request request) throws MalformedResponseException;
}
