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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.job.Environments;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSpec;
import org.retailstream.flink.jobs.cart.CartAbandonmentSpec;
import org.retailstream.flink.jobs.cart.CepCartAbandonmentJob;
import org.retailstream.flink.jobs.fraud.FraudSpec;
import org.retailstream.flink.jobs.pos.PosHealthSpec;
import org.retailstream.flink.jobs.pricing.DynamicPricingSpec;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.jobs.sessions.SessionsSpec;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * bin/bench flink-jobs: events/s of each job on a MiniCluster (parallelism 2) reading pre-loaded
 * topics of JSON events from an in-process broker, category-revenue against category-revenue-sql
 * and against a bare KafkaSource + Jackson job, side by side in one run, in interleaved rounds.
 * Each run prints two figures: input events over the wall time from submission to the job's end
 * (start-up and the final checkpoint included), and over the time from the first to the last input
 * record read ({@link SourceProgress}); the summary takes the median of the second over the counted
 * rounds, after one warm-up round. Not a test: it reports.
 * Options: -Dbench.events=2000000 -Dbench.rounds=2 -Dbench.jobs=a,b -Dbench.jobArgs="--option value"
 */
public final class JobsBenchmark {

    private static final java.nio.file.Path CHECKPOINTS = createCheckpointDir();

    private static java.nio.file.Path createCheckpointDir() {
        try {
            return java.nio.file.Files.createTempDirectory("retail-bench-checkpoints");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 2_000_000L);
        List<String> only = List.of(System.getProperty("bench.jobs", "").split(","));
        try (TestKafkaBroker kafka = TestKafkaBroker.plaintext().start()) {
            kafka.createCatalogueTopics();
            kafka.createTopic("bench_bare_revenue", 2);
            kafka.createTopic(REALISTIC_CARTS, RetailTopic.CART_UPDATES.partitions());
            Preload preload = new Preload(kafka);
            long loadStart = System.nanoTime();
            preload.checkouts(events);
            preload.clicks(events);
            preload.cartUpdates(events);
            preload.cartUpdates(events, REALISTIC_CARTS, 8);
            preload.posLines(events);
            System.out.printf(
                    "Pre-loaded 4 topics x %,d JSON events in %.0f s%n", events, (System.nanoTime() - loadStart) / 1e9);

            Map<String, Run> runs = new LinkedHashMap<>();
            Map<String, Long> inputs = new LinkedHashMap<>();
            for (JobSpec job : List.of(
                    CategoryRevenueSpec.DATASTREAM,
                    CategoryRevenueSpec.SQL,
                    SessionsSpec.SPEC,
                    PosHealthSpec.SPEC,
                    FraudSpec.SPEC,
                    CartAbandonmentSpec.SPEC,
                    CepCartAbandonmentJob.SPEC,
                    DynamicPricingSpec.SPEC)) {
                if (only.size() <= 1 && only.get(0).isEmpty() || only.contains(job.name())) {
                    runs.put(job.name(), round -> runJob(job, kafka, round));
                    // cart-abandonment reads cart updates and checkouts; dynamic-pricing clicks and cart
                    // updates (its other inputs, prices, stock, weather and rules, are empty here)
                    boolean oneInput = job != CartAbandonmentSpec.SPEC
                            && job != CepCartAbandonmentJob.SPEC
                            && job != DynamicPricingSpec.SPEC;
                    inputs.put(job.name(), oneInput ? events : 2 * events);
                    if (job == CartAbandonmentSpec.SPEC || job == CepCartAbandonmentJob.SPEC) {
                        // The same job on carts of a few lines (one update in 8 clears the cart).
                        String name = job.name() + REALISTIC;
                        runs.put(
                                name,
                                round -> runJob(job, kafka, round, "--topics", "cart_updates=" + REALISTIC_CARTS));
                        inputs.put(name, 2 * events);
                    }
                }
            }
            runs.put(BARE, round -> {
                StreamExecutionEnvironment env = newEnvironment();
                env.setParallelism(2);
                env.getConfig().enableObjectReuse();
                env.enableCheckpointing(10_000);
                BareRevenueJob.build(env, kafka.bootstrapServers(), "bench-bare-" + round);
                env.execute("bare revenue");
            });
            inputs.put(BARE, events);
            // Rounds interleave the jobs so that none of them alone pays the JVM's warm-up; the first
            // round is the warm-up (JIT of Kafka clients, Flink's network stack, the codec) and is not
            // counted: it ran 30-40% slower than the next ones.
            int rounds = Integer.getInteger("bench.rounds", 2);
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                System.out.println(round == 0 ? "Warm-up round (not counted)" : "Round " + round + " of " + rounds);
                for (Map.Entry<String, Run> run : runs.entrySet()) {
                    int thisRound = round;
                    double rate = measure(run.getKey(), inputs.get(run.getKey()), () -> run.getValue()
                            .run(thisRound));
                    if (round > 0) {
                        rates.computeIfAbsent(run.getKey(), name -> new ArrayList<>())
                                .add(rate);
                    }
                }
            }
            report(rates);
            if (only.size() <= 1 && only.get(0).isEmpty() || only.contains("cart-abandonment")) {
                AbandonmentLatency.measure(
                        kafka, Integer.getInteger("bench.latencyCartsPerSecond", 1000), Duration.ofSeconds(30));
            }
        }
    }

    private static StreamExecutionEnvironment newEnvironment() {
        return StreamExecutionEnvironment.getExecutionEnvironment(SourceProgress.install(new Configuration()));
    }

    private static final String REALISTIC_CARTS = "bench_cart_updates_realistic";
    private static final String REALISTIC = ", small carts";

    private static void runJob(JobSpec job, TestKafkaBroker kafka, int round, String... options) throws Exception {
        StreamExecutionEnvironment env = newEnvironment();
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--group-id", "bench-" + job.name() + "-" + round + "-" + options.length,
                "--parallelism", "2",
                "--bounded", "true",
                "--idleness", "5s",
                // CEP buffers events until the watermark passes them: more state than the job
                // manager's 5 MB in-memory checkpoint storage takes.
                "--checkpoint-dir", CHECKPOINTS.toUri().toString(),
                "--restart-attempts", "3"));
        args.addAll(List.of(options));
        // Extra job options for experiments, e.g. -Dbench.jobArgs="--watermark-alignment 5min"
        String extra = System.getProperty("bench.jobArgs", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        JobSettings settings = JobSettings.parse(job, args);
        Environments.build(env, job, settings);
        env.execute(job.name());
    }

    private static final String BARE = "bare KafkaSource+Jackson";

    @FunctionalInterface
    private interface Run {
        void run(int round) throws Exception;
    }

    @FunctionalInterface
    private interface Submission {
        void run() throws Exception;
    }

    /** Prints the wall-clock rate and the steady one; returns the steady rate (first to last record read). */
    private static double measure(String name, long events, Submission run) throws Exception {
        SourceProgress.Timing timing = SourceProgress.start(events);
        long start = System.nanoTime();
        run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double steady = timing.steadyRate();
        System.out.printf(
                "  %-26s %,10d events: wall %5.1f s = %,9.0f events/s; first to last record read %,9.0f events/s%n",
                name, events, seconds, events / seconds, steady);
        return steady;
    }

    private static void report(Map<String, List<Double>> rates) {
        System.out.println();
        System.out.println("Median of the counted rounds, first to last record read (min - max):");
        Map<String, Double> medians = new LinkedHashMap<>();
        rates.forEach((name, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            int middle = sorted.size() / 2;
            double median =
                    sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
            medians.put(name, median);
            System.out.printf(
                    "  %-26s %,10.0f events/s (%,.0f - %,.0f)%n",
                    name, median, sorted.get(0), sorted.get(sorted.size() - 1));
        });
        Double ours = medians.get("category-revenue");
        Double sql = medians.get("category-revenue-sql");
        Double bare = medians.get(BARE);
        if (ours != null && sql != null) {
            System.out.printf("category-revenue / category-revenue-sql = %.2fx (goal >= 1.3x)%n", ours / sql);
        }
        if (ours != null && bare != null) {
            System.out.printf(
                    "job layer cost vs bare KafkaSource+Jackson = %.0f%% (goal < 15%%)%n", 100 * (1 - ours / bare));
        }
        for (String carts : List.of("", REALISTIC)) {
            Double timers = medians.get(CartAbandonmentSpec.SPEC.name() + carts);
            Double cep = medians.get(CepCartAbandonmentJob.SPEC.name() + carts);
            if (timers != null && cep != null) {
                System.out.printf(
                        "cart-abandonment%s: keyed timers / CEP = %.2fx (goal: keyed timers >= 200,000 events/s)%n",
                        carts, timers / cep);
            }
        }
        System.out.println(
                "goals: windowed jobs >= 400,000 events/s, fraud (CEP) and cart-abandonment >= 200,000 events/s");
    }

    private JobsBenchmark() {}
}
