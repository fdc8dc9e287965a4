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
package org.retailstream.nifi.paging;

import org.apache.nifi.components.DescribedValue;

/** How an API hands out the pages of a long result. */
public enum PaginationStrategy implements DescribedValue {
    NONE("None", "One request per URL; the response holds every item."),
    NEXT_LINK_IN_BODY("Next Link in Body", "The response body holds the URL of the next page at the Next Link Path."),
    LINK_HEADER("Link Header", "The response's Link header holds the next page as rel=\"next\" (RFC 8288)."),
    PAGE_NUMBER("Page Number", "The Page Parameter counts pages up from the First Page Number."),
    OFFSET(
            "Offset and Limit",
            "The Offset Parameter moves forward by the items received; the Limit Parameter asks for Page Size items."),
    CURSOR("Cursor", "The response body holds a cursor at the Cursor Path that is sent back in the Cursor Parameter.");

    private final String displayName;
    private final String description;

    PaginationStrategy(String displayName, String description) {
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
