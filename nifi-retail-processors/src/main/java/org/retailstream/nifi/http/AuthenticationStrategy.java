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

import org.apache.nifi.components.DescribedValue;

/** How a polled API expects its credential. */
public enum AuthenticationStrategy implements DescribedValue {
    NONE("None", "The API needs no credential."),
    API_KEY_HEADER("API Key Header", "Sends the API key in the header named by the API Key Header Name property."),
    BEARER_TOKEN("Bearer Token", "Sends 'Authorization: Bearer <token>'.");

    private final String displayName;
    private final String description;

    AuthenticationStrategy(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    @Override
    public String getValue() {
        return name();
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getDescription() {
        return description;
    }
}
