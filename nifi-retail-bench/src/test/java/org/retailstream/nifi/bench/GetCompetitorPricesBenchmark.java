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
package org.retailstream.nifi.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bin/bench nifi-prices: records/s of GetCompetitorPrices, the seed's stock chain and a bare Jackson
 * loop on the same generated responses, side by side in one JVM, with ratios. Not a test: it reports.
 *
 * <p>Options: -Dbench.sizes=10000,100000 -Dbench.rounds=5 -Dbench.stockMaxItems=10000 (the stock chain
 * grows quadratically in the mock harness, so by default it runs at 10,000 items only).
 */
public final class GetCompetitorPricesBenchmark {

    public static void main(String[] args) throws Exception {
        int[] sizes = java.util.Arrays.stream(
                        System.getProperty("bench.sizes", "10000,100000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int rounds = Integer.getInteger("bench.rounds", 5);
        int stockMax = Integer.getInteger("bench.stockMaxItems", 10_000);
        List<Contender> contenders = List.of(new OurProcessor(), new StockChain(), new BareJacksonLoop());
        System.out.printf(
                "GetCompetitorPrices benchmark: %d rounds per size (best shown), Java %s, %d cores%n",
                rounds, Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (PriceResponseServer server = new PriceResponseServer(sizes)) {
            for (int size : sizes) {
                Map<String, Double> best = new LinkedHashMap<>();
                for (Contender contender : contenders) {
                    if (contender instanceof StockChain && size > stockMax) {
                        continue;
                    }
                    best.put(contender.name(), bestRate(contender, server.url(size), size, rounds));
                }
                report(size, best);
            }
        }
    }

    private static double bestRate(Contender contender, String url, int size, int rounds) throws Exception {
        List<Double> rates = new ArrayList<>();
        int warmups = contender instanceof StockChain ? 1 : 2;
        for (int round = 0; round < warmups + rounds; round++) {
            long start = System.nanoTime();
            long records = contender.run(url);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (records != size) {
                throw new IllegalStateException(
                        contender.name() + " produced " + records + " records, expected " + size);
            }
            if (round >= warmups) {
                rates.add(records / seconds);
            }
        }
        return rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static void report(int size, Map<String, Double> rates) {
        System.out.printf("%n%,d items (~166 bytes each)%n", size);
        rates.forEach((name, rate) -> System.out.printf("  %-22s %,12.0f records/s%n", name, rate));
        double ours = rates.get("GetCompetitorPrices");
        if (rates.containsKey("stock chain")) {
            System.out.printf("  ours / stock chain      %8.1fx   (goal >= 50x)%n", ours / rates.get("stock chain"));
        }
        System.out.printf("  ours / bare loop        %8.2f    (goal >= 0.50)%n", ours / rates.get("bare Jackson loop"));
    }

    private GetCompetitorPricesBenchmark() {}
}
