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

import com.fasterxml.jackson.core.JsonPointer;

/** Where each price field sits inside one item of the response (JSON Pointers, relative to the item). */
public record PriceFieldPaths(
        JsonPointer sku,
        JsonPointer competitor,
        JsonPointer price,
        JsonPointer currency,
        JsonPointer availability,
        JsonPointer productUrl,
        JsonPointer observedAt) {

    /** Compiles the pointers once; {@code JsonNode.at(String)} would compile them for every item. */
    public static PriceFieldPaths of(
            String sku,
            String competitor,
            String price,
            String currency,
            String availability,
            String productUrl,
            String observedAt) {
        return new PriceFieldPaths(
                JsonPointer.compile(sku),
                JsonPointer.compile(competitor),
                JsonPointer.compile(price),
                JsonPointer.compile(currency),
                JsonPointer.compile(availability),
                JsonPointer.compile(productUrl),
                JsonPointer.compile(observedAt));
    }
}
