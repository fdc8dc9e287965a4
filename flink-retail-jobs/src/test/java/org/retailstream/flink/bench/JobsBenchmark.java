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
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.flink.job.Environments;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSpec;
import org.retailstream.flink.jobs.cart.CartAbandonmentSpec;
import org.retailstream.flink.jobs.fraud.FraudSpec;
import org.retailstream.flink.jobs.pos.PosHealthSpec;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.jobs.sessions.SessionsSpec;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * bin/bench flink-jobs: events/s of each job on a MiniCluster (parallelism 2) reading pre-loaded
 * topics of JSON events from an in-process broker, category-revenue against category-revenue-sql
 * and against a bare KafkaSource + Jackson job, side by side in one run. Each figure is input
 * events over the job's wall time from submission to the end of its bounded input (start-up
 * included, about 2 s). Not a test: it reports. Options: -Dbench.events=2000000 -Dbench.jobs=a,b
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
            Preload preload = new Preload(kafka);
            long loadStart = System.nanoTime();
            preload.checkouts(events);
            preload.clicks(events);
            preload.cartUpdates(events);
            preload.posLines(events);
            System.out.printf(
                    "Pre-loaded 4 topics x %,d JSON events in %.0f s%n", events, (System.nanoTime() - loadStart) / 1e9);

            Map<String, Double> rates = new LinkedHashMap<>();
            List<Object[]> runs = new ArrayList<>();
            runs.add(new Object[] {CategoryRevenueSpec.DATASTREAM, events});
            runs.add(new Object[] {CategoryRevenueSpec.SQL, events});
            runs.add(new Object[] {SessionsSpec.SPEC, events});
            runs.add(new Object[] {PosHealthSpec.SPEC, events});
            runs.add(new Object[] {FraudSpec.SPEC, events});
            runs.add(new Object[] {CartAbandonmentSpec.SPEC, 2 * events});
            for (Object[] run : runs) {
                JobSpec job = (JobSpec) run[0];
                if (only.size() > 1 || !only.get(0).isEmpty()) {
                    if (!only.contains(job.name())) {
                        continue;
                    }
                }
                rates.put(job.name(), measure(job.name(), (long) run[1], () -> runJob(job, kafka)));
            }
            rates.put("bare KafkaSource+Jackson", measure("bare KafkaSource+Jackson", events, () -> {
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                env.setParallelism(2);
                env.getConfig().enableObjectReuse();
                env.enableCheckpointing(10_000);
                BareRevenueJob.build(env, kafka.bootstrapServers(), "bench-bare");
                env.execute("bare revenue");
            }));
            report(rates);
            if (only.size() <= 1 && only.get(0).isEmpty() || only.contains("cart-abandonment")) {
                AbandonmentLatency.measure(
                        kafka, Integer.getInteger("bench.latencyCartsPerSecond", 1000), Duration.ofSeconds(30));
            }
        }
    }

    private static void runJob(JobSpec job, TestKafkaBroker kafka) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobSettings settings = JobSettings.parse(
                job,
                List.of(
                        "--bootstrap-servers", kafka.bootstrapServers(),
                        "--group-id", "bench-" + job.name(),
                        "--parallelism", "2",
                        "--bounded", "true",
                        "--idleness", "5s",
                        // CEP buffers events until the watermark passes them: more state than the job
                        // manager's 5 MB in-memory checkpoint storage takes.
                        "--checkpoint-dir", CHECKPOINTS.toUri().toString(),
                        "--restart-attempts", "3"));
        Environments.build(env, job, settings);
        env.execute(job.name());
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    private static double measure(String name, long events, Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = events / seconds;
        System.out.printf("  %-26s %,10d events in %6.1f s = %,10.0f events/s%n", name, events, seconds, rate);
        return rate;
    }

    private static void report(Map<String, Double> rates) {
        System.out.println();
        Double ours = rates.get("category-revenue");
        Double sql = rates.get("category-revenue-sql");
        Double bare = rates.get("bare KafkaSource+Jackson");
        if (ours != null && sql != null) {
            System.out.printf("category-revenue / category-revenue-sql = %.2fx (goal >= 1.3x)%n", ours / sql);
        }
        if (ours != null && bare != null) {
            System.out.printf(
                    "job layer cost vs bare KafkaSource+Jackson = %.0f%% (goal < 15%%)%n", 100 * (1 - ours / bare));
        }
        System.out.println(
                "goals: windowed jobs >= 400,000 events/s, CEP jobs (fraud, cart-abandonment) >= 200,000 events/s");
    }

    private JobsBenchmark() {}
}
