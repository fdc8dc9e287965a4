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
package org.retailstream.flink.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * bin/bench engines: category revenue by Flink DataStream, Flink SQL and Spark Structured Streaming on
 * the same checkouts, each engine in its own JVM with two cores' worth of parallelism (Flink parallelism
 * 2, Spark local[2]) against one in-process broker.
 * <ol>
 *   <li>Throughput: the same pre-loaded checkouts (JSON), one engine after the other, from the earliest
 *       offset to the last: events/s from the first to the last record read, and over the whole run
 *       (start-up and the final commit included).
 *   <li>Latency: the three engines together on a live stream at a rate each keeps easily, 10 s windows;
 *       per window record, produced-to-readable (read_committed) after the moment it could close.
 * </ol>
 * Not a test: it reports. Options: -Dbench.events=2000000 -Dbench.liveRate=1000 -Dbench.liveSeconds=180 (0: throughput only)
 * -Dbench.sparkShufflePartitions=4; bin/bench passes -Dbench.sparkClasspath and -Dbench.sparkJvmFlags.
 */
public final class EnginesBenchmark {

    private static final String FLINK_JVM_FLAGS =
            "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow";
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    private static final Duration LIVE_WINDOW = Duration.ofSeconds(7);
    private static final String LIVE_INPUT = "bench_live_checkouts";
    private static final Path LOGS = Path.of("target", "bench-engines");

    private enum Engine {
        FLINK_DATASTREAM("Flink DataStream", "datastream"),
        FLINK_SQL("Flink SQL", "sql"),
        SPARK("Spark Structured Streaming", "spark");

        final String title;
        final String id;

        Engine(String title, String id) {
            this.title = title;
            this.id = id;
        }
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 2_000_000L);
        int liveRate = Integer.getInteger("bench.liveRate", 1000);
        Duration live = Duration.ofSeconds(Long.getLong("bench.liveSeconds", 180));
        Path work = Files.createTempDirectory("retail-bench-engines");
        try (TestKafkaBroker kafka = TestKafkaBroker.plaintext().start()) {
            kafka.createCatalogueTopics();
            kafka.createTopic(LIVE_INPUT, 6);
            kafka.createTopic(DeadLetters.topicNameFor(LIVE_INPUT), 1);
            for (Engine engine : Engine.values()) {
                kafka.createTopic(output(engine, "throughput"), 3);
                kafka.createTopic(output(engine, "live"), 3);
            }
            long loadStart = System.nanoTime();
            new Preload(kafka).checkouts(events);
            System.out.printf(
                    "Pre-loaded %,d JSON checkouts in %.0f s%n", events, (System.nanoTime() - loadStart) / 1e9);

            Map<Engine, double[]> rates = new LinkedHashMap<>();
            for (Engine engine : Engine.values()) {
                try (EngineChild child = start(engine, "throughput", events, kafka, work)) {
                    String[] result =
                            child.await("RESULT", Duration.ofMinutes(30)).split(" ");
                    double[] rate = {Double.parseDouble(result[1]), Double.parseDouble(result[2])};
                    rates.put(engine, rate);
                    System.out.printf(
                            "  %-28s first to last record read %,10.0f events/s; whole run %,10.0f events/s%n",
                            engine.title, rate[0], rate[1]);
                }
            }

            Map<String, List<Long>> latencies = Map.of();
            if (!live.isZero()) {
                latencies = live(kafka, work, liveRate, live);
            }
            report(rates, latencies);
        }
    }

    /** The three engines at once on live checkouts: per output topic, each window's latency in ms. */
    private static Map<String, List<Long>> live(TestKafkaBroker kafka, Path work, int liveRate, Duration live)
            throws Exception {
        System.out.printf(
                "Live: %,d checkouts/s for %d s, %d s windows, all three engines at once%n",
                liveRate, live.toSeconds(), LIVE_WINDOW.toSeconds());
        List<EngineChild> children = new ArrayList<>();
        try {
            for (Engine engine : Engine.values()) {
                children.add(start(engine, "live", 0, kafka, work));
            }
            for (EngineChild child : children) {
                child.await("READY", Duration.ofMinutes(3));
            }
            List<String> outputs = new ArrayList<>();
            for (Engine engine : Engine.values()) {
                outputs.add(output(engine, "live"));
            }
            return new LiveLatency(kafka, OUT_OF_ORDERNESS)
                    .measure(LIVE_INPUT, outputs, liveRate, live, Duration.ofSeconds(40), Duration.ofSeconds(30));
        } finally {
            for (EngineChild child : children) {
                child.close();
            }
        }
    }

    private static EngineChild start(Engine engine, String mode, long events, TestKafkaBroker kafka, Path work)
            throws java.io.IOException {
        boolean live = mode.equals("live");
        String topics =
                (live ? "checkout_events=" + LIVE_INPUT + "," : "") + "category_revenue=" + output(engine, mode);
        Path checkpoints = work.resolve(engine.id + "-" + mode);
        Path log = LOGS.resolve(engine.id + "-" + mode + ".log");
        String window = live ? LIVE_WINDOW.toMillis() + "ms" : "1min";
        if (engine == Engine.SPARK) {
            return EngineChild.start(
                    engine.title,
                    System.getProperty("bench.sparkJvmFlags", ""),
                    required("bench.sparkClasspath"),
                    "org.retailstream.spark.bench.SparkEngineRun",
                    List.of(
                            mode,
                            kafka.bootstrapServers(),
                            checkpoints.toString(),
                            topics,
                            String.valueOf(events),
                            String.valueOf(live ? LIVE_WINDOW.toMillis() : 60_000)),
                    log);
        }
        return EngineChild.start(
                engine.title,
                FLINK_JVM_FLAGS,
                System.getProperty("java.class.path"),
                FlinkEngineRun.class.getName(),
                List.of(
                        engine.id,
                        mode,
                        String.valueOf(events),
                        "--bootstrap-servers",
                        kafka.bootstrapServers(),
                        "--group-id",
                        "bench-engines-" + engine.id + "-" + mode,
                        "--parallelism",
                        "2",
                        "--starting-offsets",
                        "earliest",
                        "--idleness",
                        "5s",
                        "--checkpoint-dir",
                        checkpoints.toUri().toString(),
                        "--topics",
                        topics,
                        "--window",
                        window),
                log);
    }

    private static String output(Engine engine, String mode) {
        return "bench_revenue_" + engine.id + "_" + mode;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required (bin/bench engines sets it)");
        }
        return value;
    }

    private static void report(Map<Engine, double[]> rates, Map<String, List<Long>> latencies) {
        System.out.println();
        System.out.println(
                "| engine | events/s, first to last read | events/s, whole run | latency p50 | p90 | p99 | max | windows |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Engine engine : Engine.values()) {
            double[] rate = rates.get(engine);
            List<Long> sorted = latencies.getOrDefault(output(engine, "live"), List.of()).stream()
                    .sorted()
                    .toList();
            System.out.printf(
                    "| %s | %,.0f | %,.0f | %s | %s | %s | %s | %d |%n",
                    engine.title,
                    rate[0],
                    rate[1],
                    percentile(sorted, 50),
                    percentile(sorted, 90),
                    percentile(sorted, 99),
                    percentile(sorted, 100),
                    sorted.size());
        }
        double spark = rates.get(Engine.SPARK)[0];
        double sql = rates.get(Engine.FLINK_SQL)[0];
        double datastream = rates.get(Engine.FLINK_DATASTREAM)[0];
        System.out.printf(
                "Spark / Flink SQL throughput = %.2fx (goal >= 0.5x); Spark / Flink DataStream = %.2fx%n",
                spark / sql, spark / datastream);
    }

    private static String percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return String.format("%.1f s", sorted.get(Math.max(0, index)) / 1000.0);
    }

    private EnginesBenchmark() {}
}
