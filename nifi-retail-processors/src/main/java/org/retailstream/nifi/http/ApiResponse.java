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

import java.net.URI;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.web.client.api.HttpEntityHeaders;

/**
 * A response the API gave: its body was streamed into {@code body} (a FlowFile of the current
 * session, so a large response never sits in heap and can be routed as-is when it is malformed).
 */
public record ApiResponse(URI uri, int statusCode, HttpEntityHeaders headers, FlowFile body) {

    public boolean isSuccessful() {
        return statusCode >= 200 && statusCode < 300;
    }
}
