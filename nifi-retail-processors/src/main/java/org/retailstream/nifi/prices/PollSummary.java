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
package org.retailstream.nifi.prices;

/** What one poll did, for the log line at its end. */
final class PollSummary {

    long pages;
    long emitted;
    long unchanged;
    long invalid;
    long failedResponses;

    @Override
    public String toString() {
        return pages + " page(s): " + emitted + " price(s) emitted, " + unchanged + " unchanged, " + invalid
                + " invalid item(s), " + failedResponses + " response(s) to failure";
    }
}
