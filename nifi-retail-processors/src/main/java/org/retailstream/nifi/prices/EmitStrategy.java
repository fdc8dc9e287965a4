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

import org.apache.nifi.components.DescribedValue;

/** Which polled prices become records. */
public enum EmitStrategy implements DescribedValue {
    CHANGED_ONLY(
            "Changed Prices Only",
            "Emit a price only when its price, currency or availability differs from"
                    + " the last one emitted for the same competitor and SKU."),
    ALL("All Prices", "Emit every polled price, every poll.");

    private final String displayName;
    private final String description;

    EmitStrategy(String displayName, String description) {
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
