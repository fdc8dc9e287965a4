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
package org.retailstream.nifi.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Competitor price API answers shaped like the ones recorded from real shop APIs (about 166 bytes
 * per item), generated so tests and benchmarks can use any number of them.
 */
public final class PriceResponses {

    private PriceResponses() {}

    /** Item {@code i}: SKU-000i at megamart, price 10 + i/100 (exact), alternating availability. */
    public static String item(int i) {
        return "{\"sku\":\"SKU-%06d\",\"competitor\":\"megamart\",\"price\":%d.%02d,\"currency\":\"EUR\",\"availability\":\"%s\",\"product_url\":\"https://megamart.example/p/%06d\",\"observed_at\":\"2026-11-28T09:15:00Z\"}"
                .formatted(i, 10 + i / 100, i % 100, i % 7 == 0 ? "out_of_stock" : "in_stock", i);
    }

    public static String array(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(PriceResponses::item)
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** A root JSON array of {@code count} items, produced while it is sent (never held whole in memory). */
    public static InputStream streamedArray(int count) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= count;
            }

            @Override
            public InputStream nextElement() {
                String text = next == -1 ? "[" : next == count ? "]" : (next > 0 ? "," : "") + item(next);
                next++;
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
