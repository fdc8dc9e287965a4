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
package org.retailstream.nifi.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the items of a JSON response one at a time, so a response of any size needs heap for one
 * item only. The items are the array at {@code itemsPath} (a JSON Pointer; empty means the root
 * array, or the {@code items} array of a root object). Everything else in the response (next links,
 * cursors, totals) is kept as the page's envelope; it is small by nature.
 */
public final class JsonItemStream {

    /** Receives each item in order. */
    @FunctionalInterface
    public interface ItemHandler {
        void accept(JsonNode item) throws IOException;
    }

    /** What a page held besides its items. */
    public record Page(JsonNode envelope, long itemCount) {}

    private static final JsonPointer DEFAULT_OBJECT_ITEMS = JsonPointer.compile("/items");

    private final JsonPointer itemsPath;

    public JsonItemStream(String itemsPath) {
        this.itemsPath =
                itemsPath == null || itemsPath.isBlank() ? JsonPointer.empty() : JsonPointer.compile(itemsPath);
    }

    public Page read(InputStream body, ItemHandler handler) throws IOException, MalformedResponseException {
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw new MalformedResponseException("The response is empty, expected JSON", null);
            }
            Page page;
            if (root == JsonToken.START_ARRAY && itemsPath.matches()) {
                page = new Page(Json.MAPPER.createObjectNode(), readItems(parser, handler));
            } else if (root == JsonToken.START_OBJECT) {
                JsonPointer path = itemsPath.matches() ? DEFAULT_OBJECT_ITEMS : itemsPath;
                ObjectNode envelope = Json.MAPPER.createObjectNode();
                long[] count = {-1};
                readObject(parser, path, envelope, handler, count);
                if (count[0] < 0) {
                    throw new MalformedResponseException("The response has no items array at " + path, null);
                }
                page = new Page(envelope, count[0]);
            } else {
                throw new MalformedResponseException(
                        "Expected a JSON " + (itemsPath.matches() ? "array or object" : "object")
                                + " but the response starts with " + root,
                        null);
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new MalformedResponseException("Unexpected content after the JSON document: " + trailing, null);
            }
            return page;
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(
                    "The response is not valid JSON: " + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr(),
                    e);
        }
    }

    private void readObject(JsonParser parser, JsonPointer path, ObjectNode envelope, ItemHandler handler, long[] count)
            throws IOException, MalformedResponseException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!name.equals(path.getMatchingProperty())) {
                envelope.set(name, Json.MAPPER.readTree(parser));
            } else if (path.tail().matches()) {
                if (value == JsonToken.START_ARRAY) {
                    count[0] = readItems(parser, handler);
                } else if (value == JsonToken.VALUE_NULL) {
                    count[0] = 0;
                } else {
                    throw new MalformedResponseException(
                            "Expected an array of items at " + itemsPath + " but found " + value, null);
                }
            } else if (value == JsonToken.START_OBJECT) {
                readObject(parser, path.tail(), envelope.putObject(name), handler, count);
            } else {
                envelope.set(name, Json.MAPPER.readTree(parser));
            }
        }
    }

    private static long readItems(JsonParser parser, ItemHandler handler) throws IOException {
        long count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            handler.accept(Json.MAPPER.readTree(parser));
            count++;
        }
        return count;
    }
}
