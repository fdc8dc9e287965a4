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
package org.retailstream.stack.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.events.topics.TopicNames;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.process.ChildProcess;
import org.retailstream.stack.process.JavaCommand;
import org.retailstream.stack.watch.JobProgress;
import org.retailstream.stack.watch.Offsets;

/**
 * The Spark jobs beside the Flink ones (bin/run --spark): each job of spark-retail-jobs submitted by
 * Spark's own {@code SparkSubmit} in a process of its own, in local mode on one core, from the runtime
 * folder the build assembled (Spark's lib/, the flags its launcher passes, the jobs jar). Spark writes
 * category revenue and sessions to topics of their own, so the Flink jobs' exactly-once outputs stay
 * theirs and both can be compared; priced_cart_updates is Spark's alone.
 */
public final class SparkJobs implements AutoCloseable {

    /** The renames that put Spark's category revenue and sessions beside Flink's. */
    private static final String RENAMES = "category_revenue=category_revenue_spark,user_sessions=user_sessions_spark";

    private static final TopicNames TOPICS = TopicNames.parse(RENAMES, "topics");
    /** Each job and the catalogue topic it writes (under its name in {@link #TOPICS}), in start order. */
    private static final Map<String, RetailTopic> JOBS = jobs();

    /** As the stack's Flink sessions job: a short gap, so sessions end within a demo run. */
    private static final Map<String, List<String>> OPTIONS = Map.of("sessions", List.of("--gap", "20s"));

    private static final String MAIN = "org.retailstream.spark.cli.SparkRetailJobs";

    private static Map<String, RetailTopic> jobs() {
        Map<String, RetailTopic> jobs = new LinkedHashMap<>();
        jobs.put("category-revenue", RetailTopic.CATEGORY_REVENUE);
        jobs.put("sessions", RetailTopic.USER_SESSIONS);
        jobs.put("cart-pricing-join", RetailTopic.PRICED_CART_UPDATES);
        return jobs;
    }

    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    /** Where each output partition ended when the jobs started, so the summary shows what this run wrote. */
    private Map<TopicPartition, Long> startEnds = Map.of();

    private SparkJobs() {}

    /**
     * Creates Spark's own output topics if missing (as their catalogue twins, {@code replication} copies)
     * and submits every job against {@code bootstrapServers}; checkpoints live in the data folder, so a run
     * continues the last one's.
     */
    public static SparkJobs start(StackLayout layout, String bootstrapServers, Admin admin, short replication)
            throws Exception {
        createOutputTopics(admin, replication);
        Path runtime = layout.runtimes().resolve("spark");
        List<String> sparkFlags =
                List.of(Files.readString(runtime.resolve("jvm.flags")).trim().split("\\s+"));
        Path home = Files.createDirectories(layout.home("spark"));
        SparkJobs jobs = new SparkJobs();
        jobs.startEnds = outputEnds(admin);
        for (String job : JOBS.keySet()) {
            String part = "spark-" + job;
            jobs.processes.put(
                    job,
                    ChildProcess.start(
                            part,
                            JavaCommand.java()
                                    .flags("-Xmx768m")
                                    .flags(sparkFlags)
                                    .flags("-Dlog4j.configurationFile=" + layout.log4jConfig(part))
                                    .libs(runtime.resolve("lib"))
                                    .main(
                                            "org.apache.spark.deploy.SparkSubmit",
                                            submit(runtime, job, bootstrapServers, home))
                                    .build(),
                            home,
                            layout.log(part)));
        }
        return jobs;
    }

    private static void createOutputTopics(Admin admin, short replication) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (RetailTopic output : JOBS.values()) {
            String name = TOPICS.of(output);
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, output.partitions(), replication));
            }
        }
        admin.createTopics(missing).all().get();
    }

    private static List<String> submit(Path runtime, String job, String bootstrapServers, Path home) {
        List<String> submit = new ArrayList<>(List.of(
                "--master",
                "local[1]",
                "--name",
                "retail-" + job,
                // Loopback only (else Spark binds the machine's first interface), and no web UI ports.
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.sql.shuffle.partitions=2",
                "--class",
                MAIN,
                runtime.resolve("jobs/spark-retail-jobs.jar").toString(),
                job,
                "--bootstrap-servers",
                bootstrapServers,
                "--checkpoint-dir",
                home.resolve("checkpoints").resolve(job).toString(),
                "--starting-offsets",
                "earliest",
                "--topics",
                RENAMES));
        submit.addAll(OPTIONS.getOrDefault(job, List.of()));
        return submit;
    }

    public List<ChildProcess> processes() {
        return List.copyOf(processes.values());
    }

    /**
     * Each job as the console shows it: RUNNING while its process lives, the records its output topic
     * gained this run; lag -1, since Spark keeps its offsets in its checkpoint, not in a consumer group.
     */
    public List<JobProgress> progress(Admin admin) throws Exception {
        Map<String, Long> written = Offsets.delta(startEnds, outputEnds(admin));
        List<JobProgress> lines = new ArrayList<>();
        for (Map.Entry<String, ChildProcess> job : processes.entrySet()) {
            String output = TOPICS.of(JOBS.get(job.getKey()));
            lines.add(new JobProgress(
                    "spark:" + job.getKey(),
                    job.getValue().isAlive() ? "RUNNING" : "ENDED",
                    output,
                    written.getOrDefault(output, 0L),
                    -1));
        }
        return lines;
    }

    private static Map<TopicPartition, Long> outputEnds(Admin admin) throws Exception {
        return Offsets.ends(admin, JOBS.values().stream().map(TOPICS::of).toList());
    }

    @Override
    public void close() {
        processes.values().forEach(process -> process.stop(Duration.ofSeconds(30)));
    }
}
