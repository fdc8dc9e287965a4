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
package org.retailstream.stack.shop;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulators produced, by path (a Kafka topic or a log file) and kind: {@code sent},
 * {@code acked} (the broker has it), {@code failed} (the producer gave up), {@code malformed}
 * (deliberately broken, expected in the dead letters), {@code lines} (written to a log file).
 */
public final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String path, String kind) {
        add(path, kind, 1);
    }

    public void add(String path, String kind, long count) {
        counts.computeIfAbsent(path + "/" + kind, key -> new LongAdder()).add(count);
    }

    public long get(String path, String kind) {
        LongAdder count = counts.get(path + "/" + kind);
        return count == null ? 0 : count.sum();
    }

    /** A sorted copy, for the log. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }
}
