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

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.retailstream.events.model.Availability;

/**
 * Reads the many ways shops state availability ("in_stock", "In Stock", "InStock", true, "sold out",
 * schema.org URLs) into the contract's enum; anything unrecognised is UNKNOWN, as the schema's
 * default says, rather than an invalid item.
 */
final class AvailabilityParser {

    private static final Map<String, Availability> WORDS = Map.ofEntries(
            Map.entry("instock", Availability.IN_STOCK),
            Map.entry("available", Availability.IN_STOCK),
            Map.entry("true", Availability.IN_STOCK),
            Map.entry("limited", Availability.LIMITED),
            Map.entry("limitedavailability", Availability.LIMITED),
            Map.entry("lowstock", Availability.LIMITED),
            Map.entry("outofstock", Availability.OUT_OF_STOCK),
            Map.entry("soldout", Availability.OUT_OF_STOCK),
            Map.entry("unavailable", Availability.OUT_OF_STOCK),
            Map.entry("false", Availability.OUT_OF_STOCK),
            Map.entry("preorder", Availability.PREORDER),
            Map.entry("backorder", Availability.PREORDER));

    private AvailabilityParser() {}

    static Availability parse(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Availability.UNKNOWN;
        }
        return WORDS.getOrDefault(normalise(node.asText()), Availability.UNKNOWN);
    }

    /** "In Stock", "in_stock" and "https://schema.org/InStock" all become "instock" (no regex: runs per item). */
    private static String normalise(String text) {
        StringBuilder word = new StringBuilder(text.length());
        for (int i = text.lastIndexOf('/') + 1; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z') {
                word.append(c);
            }
        }
        return word.toString();
    }
}
