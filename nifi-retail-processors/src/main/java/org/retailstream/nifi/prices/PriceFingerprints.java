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

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.apache.nifi.serialization.record.Record;

/**
 * Remembers what each competitor+SKU last cost (price, currency, availability), to emit only changes.
 * Kept in NiFi cluster state as {@code p.<key hash>} to {@code <value hash>}; bounded to the most
 * recently seen entries so the state stays small (ZooKeeper's default node limit is 1 MB). A price
 * whose entry was evicted is simply emitted again.
 *
 * <p>Changes seen on a page are staged and only become part of the state when the page was read in
 * full ({@link #commitPage()}); a malformed page leaves the state as it was.
 */
final class PriceFingerprints {

    static final String KEY_PREFIX = "p.";

    private final Map<String, String> committed;
    private final Map<String, String> staged;

    PriceFingerprints(Map<String, String> state, int capacity) {
        this.committed = boundedMap(capacity);
        this.staged = boundedMap(capacity);
        state.forEach((key, value) -> {
            if (key.startsWith(KEY_PREFIX)) {
                committed.put(key, value);
            }
        });
    }

    /** True if this price differs from the one remembered; stages it either way as the latest seen. */
    boolean changed(Record price) {
        String key = KEY_PREFIX + hash(price.getAsString("competitor") + '\u0000' + price.getAsString("sku"));
        String value = hash(price.getAsString("price")
                + '|'
                + price.getAsString("currency")
                + '|'
                + price.getAsString("availability"));
        String previous = staged.containsKey(key) ? staged.get(key) : committed.get(key);
        staged.put(key, value);
        return !value.equals(previous);
    }

    void commitPage() {
        staged.forEach((key, value) -> {
            committed.remove(key);
            committed.put(key, value);
        });
        staged.clear();
    }

    void discardPage() {
        staged.clear();
    }

    Map<String, String> toState() {
        return Map.copyOf(committed);
    }

    int size() {
        return committed.size();
    }

    private static String hash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        return Long.toHexString(castagnoli.getValue() << 32 | ieee.getValue());
    }

    private static Map<String, String> boundedMap(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > max;
            }
        };
    }
}
