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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.retailstream.nifi.json.Json;

/**
 * Reads the store list from CSV lines {@code id,latitude,longitude} (a header line and # comments
 * are skipped) or a JSON array of {@code {"id", "latitude", "longitude"}} objects. Errors name the
 * line or element, so the processor's validation says exactly what to fix.
 */
public final class StoreLocations {

    private StoreLocations() {}

    public static List<StoreLocation> parse(String text) {
        String trimmed = text.strip();
        List<StoreLocation> locations = trimmed.startsWith("[") ? fromJson(trimmed) : fromCsv(trimmed);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no store locations given");
        }
        Set<String> ids = new HashSet<>();
        for (StoreLocation location : locations) {
            if (!ids.add(location.id())) {
                throw new IllegalArgumentException("location id " + location.id() + " appears twice");
            }
        }
        return List.copyOf(locations);
    }

    private static List<StoreLocation> fromCsv(String text) {
        List<StoreLocation> locations = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()
                    || line.startsWith("#")
                    || (i == 0 && line.toLowerCase().startsWith("id,"))) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            if (cells.length != 3) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + " must be id,latitude,longitude: '" + line + "'");
            }
            try {
                locations.add(new StoreLocation(cells[0], Double.parseDouble(cells[1]), Double.parseDouble(cells[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + " has a coordinate that is not a number: '" + line + "'");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return locations;
    }

    private static List<StoreLocation> fromJson(String text) {
        JsonNode array;
        try {
            array = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        List<StoreLocation> locations = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            JsonNode latitude = element.path("latitude");
            JsonNode longitude = element.path("longitude");
            if (!element.path("id").isValueNode() || !latitude.isNumber() || !longitude.isNumber()) {
                throw new IllegalArgumentException(
                        "element " + i + " needs a string id and numeric latitude and longitude: " + element);
            }
            try {
                locations.add(
                        new StoreLocation(element.get("id").asText(), latitude.doubleValue(), longitude.doubleValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("element " + i + ": " + e.getMessage());
            }
        }
        return locations;
    }
}
