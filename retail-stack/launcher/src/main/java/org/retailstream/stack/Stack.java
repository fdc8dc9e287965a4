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
package org.retailstream.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.retailstream.events.provision.TopicSpec;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.events.topics.TopicRole;
import org.retailstream.stack.apis.CompetitorPriceApi;
import org.retailstream.stack.console.SummaryScreen;
import org.retailstream.stack.dashboard.DashboardModel;
import org.retailstream.stack.dashboard.DashboardServer;
import org.retailstream.stack.drill.DrillRunner;
import org.retailstream.stack.drill.StackParts;
import org.retailstream.stack.flink.FlinkSessionCluster;
import org.retailstream.stack.flink.JobNames;
import org.retailstream.stack.flink.StackJobs;
import org.retailstream.stack.flume.FlumeAgent;
import org.retailstream.stack.kafka.KafkaCluster;
import org.retailstream.stack.nifi.StackNiFi;
import org.retailstream.stack.process.Await;
import org.retailstream.stack.process.ChildProcess;
import org.retailstream.stack.process.PidFile;
import org.retailstream.stack.process.Ports;
import org.retailstream.stack.process.ProcessMemory;
import org.retailstream.stack.reconcile.Reconciliation;
import org.retailstream.stack.reconcile.RunCensus;
import org.retailstream.stack.shop.PosTerminals;
import org.retailstream.stack.shop.ShopSimulator;
import org.retailstream.stack.shop.Tally;
import org.retailstream.stack.spark.SparkJobs;
import org.retailstream.stack.watch.JobProgress;
import org.retailstream.stack.watch.Offsets;
import org.retailstream.stack.watch.OutputWatcher;
import org.retailstream.stack.watch.PipelineHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one machine: starts each part, runs until the duration is over or the person
 * presses Ctrl-C, then drains, stops every job with a savepoint, reconciles the books and stops the
 * parts in reverse order.
 */
public final class Stack implements StackParts {

    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);

    private final StackSettings settings;
    private final StackLayout layout;
    private final PrintStream out;
    private final Tally tally = new Tally();
    private final PidFile pids;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private KafkaCluster kafka;
    private FlinkSessionCluster flink;
    private StackJobs jobs;
    private SparkJobs sparkJobs;
    private OutputWatcher watcher;
    private final DashboardModel dashboardModel = new DashboardModel(Clock.systemUTC());
    private final Map<String, String> links = new LinkedHashMap<>();
    private DashboardServer dashboard;
    private List<DrillRunner.Report> drillReports = List.of();
    private ShopSimulator shop;
    private PosTerminals pos;
    private StackNiFi nifi;
    private final List<FlumeAgent> agents = new ArrayList<>();
    private Map<TopicPartition, Long> startEnds;
    private final Map<String, Map<TopicPartition, Long>> startCommitted = new HashMap<>();

    public Stack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.layout = settings.layout();
        this.out = out;
        this.pids = new PidFile(layout.data());
    }

    /** Asks a running stack to stop (Ctrl-C): the main thread then drains and reconciles. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Runs the stack; returns true when the books balanced. */
    public boolean run() throws Exception {
        Instant began = Instant.now();
        try {
            start();
            LOG.info("Started in {} s", Duration.between(began, Instant.now()).toSeconds());
            if (settings.drills().isEmpty()) {
                showUntilStopped(Instant.now());
            } else {
                drillReports = new DrillRunner(this, out).run(settings.drills(), settings.outage());
            }
            boolean balanced = finish();
            if (!drillReports.isEmpty()) {
                out.print(DrillRunner.render(drillReports));
                LOG.info("Drills:{}", DrillRunner.render(drillReports));
            }
            return balanced && drillReports.stream().allMatch(DrillRunner.Report::recovered);
        } finally {
            stopAll();
        }
    }

    private void start() throws Exception {
        for (int broker = 0; broker < settings.brokers(); broker++) {
            Ports.requireFree(settings.kafkaPort() + broker, "Kafka", "--kafka-port");
        }
        Ports.requireFree(settings.flinkPort(), "Flink's REST API and web UI", "--flink-port");
        Ports.requireFree(settings.nifiPort(), "NiFi's web UI and REST API", "--nifi-port");
        Ports.requireFree(settings.dashboardPort(), "The browser dashboard", "--dashboard-port");
        out.println("Starting retail-stream in " + layout.data().toAbsolutePath() + " (logs in " + layout.logs() + ")");
        kafka = KafkaCluster.start(layout, settings.kafkaPort(), settings.brokers());
        started.add(kafka);
        addPids(kafka.processes());
        kafka.provisionTopics();
        out.println("  Kafka up at " + kafka.bootstrapServers());
        // NiFi takes longest to come up: it loads its NARs while Flink starts and the jobs are submitted.
        nifi = StackNiFi.launch(layout, settings.nifiPort(), settings.shop().seed());
        started.add(nifi);
        pids.add(nifi.process());
        flink = FlinkSessionCluster.start(
                layout, settings.flinkPort(), settings.jobs().size());
        started.add(flink);
        pids.add(flink.jobManager());
        pids.add(flink.taskManager());
        out.println("  Flink session cluster up at " + flink.rest().base());
        try (Admin admin = kafka.admin()) {
            startEnds = Offsets.ends(admin, allTopics());
            for (String job : settings.jobs()) {
                startCommitted.put(job, Offsets.committed(admin, JobNames.groupOf(job)));
            }
        }
        Map<TopicPartition, Long> watched = new HashMap<>();
        startEnds.forEach((partition, offset) -> {
            if (OutputWatcher.watchedTopics().contains(partition.topic())) {
                watched.put(partition, offset);
            }
        });
        watcher = new OutputWatcher(kafka.bootstrapServers(), watched, dashboardModel);
        started.add(watcher);
        links.put("Flink UI", flink.rest().base().toString());
        links.put("NiFi UI", nifi.ui().toString());
        dashboard = DashboardServer.start(dashboardModel, settings.dashboardPort());
        started.add(dashboard);
        jobs = new StackJobs(flink);
        jobs.submit(
                layout.runtimes().resolve("flink/jobs/flink-retail-jobs.jar"),
                settings.jobs(),
                kafka.bootstrapServers());
        out.println("  Flink jobs submitted: " + String.join(", ", settings.jobs()));
        if (settings.spark()) {
            try (Admin admin = kafka.admin()) {
                sparkJobs = SparkJobs.start(
                        layout, kafka.bootstrapServers(), admin, (short) Math.min(3, settings.brokers()));
            }
            started.add(sparkJobs);
            addPids(sparkJobs.processes());
            out.println("  Spark jobs submitted: category-revenue -> category_revenue_spark,"
                    + " sessions -> user_sessions_spark, cart-pricing-join -> priced_cart_updates");
        }
        Path shopLogs = layout.shopLogs();
        agents.add(FlumeAgent.start(
                layout,
                "web-clickstream-agent.properties",
                "web",
                shopLogs.resolve("web") + "/clickstream\\\\.log",
                kafka.bootstrapServers(),
                Ports.free()));
        agents.add(FlumeAgent.start(
                layout,
                "pos-logs-agent.properties",
                "pos",
                shopLogs.resolve("pos") + "/store-.*\\\\.log",
                kafka.bootstrapServers(),
                Ports.free()));
        started.addAll(agents);
        for (FlumeAgent agent : agents) {
            pids.add(agent.process());
        }
        out.println("  Flume agents started: web (click log -> user_clickstream), pos (POS logs -> pos_logs)");
        nifi.deploy(kafka.bootstrapServers(), settings.realWeather(), tally);
        out.println("  NiFi flows started: " + String.join(", ", nifi.topics())
                + (settings.realWeather() ? " (weather from the real Open-Meteo)" : ""));
        shop = new ShopSimulator(
                        settings.shop(), kafka.bootstrapServers(), shopLogs.resolve("web/clickstream.log"), tally)
                .start();
        pos = new PosTerminals(shopLogs.resolve("pos"), settings.posRate(), settings.shop(), tally).start();
        out.println();
        out.println("  Dashboard         " + dashboard.url());
        out.println("  Flink web UI      " + flink.rest().base());
        for (FlumeAgent agent : agents) {
            out.println("  Flume " + agent.name() + " metrics " + agent.metrics());
        }
        out.println("  Kafka bootstrap   " + kafka.bootstrapServers());
        out.println("  NiFi UI           " + nifi.ui());
        out.println("  Data folder       " + layout.data().toAbsolutePath());
        out.println("  Logs              " + layout.logs().toAbsolutePath());
    }

    private static List<String> allTopics() {
        return TopicSpec.catalogue().stream().map(TopicSpec::name).toList();
    }

    private void showUntilStopped(Instant since) throws Exception {
        SummaryScreen screen = new SummaryScreen(out, System.console() != null);
        // Until Ctrl-C: a century is as good as forever, and Duration arithmetic stays in range.
        Instant end = since.plus(settings.duration() == null ? Duration.ofDays(36_500) : settings.duration());
        Map<String, Long> previous = new HashMap<>();
        Instant previousAt = since;
        while (Instant.now().isBefore(end)) {
            long wait = Math.min(
                    settings.refresh().toMillis(),
                    Math.max(1, Duration.between(Instant.now(), end).toMillis()));
            if (stopRequested.await(wait, TimeUnit.MILLISECONDS)) {
                break;
            }
            checkParts();
            Map<String, Long> inTopics;
            List<JobProgress> jobLines = new ArrayList<>();
            try (Admin admin = kafka.admin()) {
                Map<TopicPartition, Long> ends = Offsets.ends(admin, allTopics());
                inTopics = Offsets.delta(startEnds, ends);
                Map<String, String> running = jobs.running();
                for (String job : settings.jobs()) {
                    String state = flink.rest().state(running.get(job));
                    long lag = lag(ends, Offsets.committed(admin, JobNames.groupOf(job)));
                    String output = JobNames.OUTPUTS.get(job);
                    jobLines.add(new JobProgress(job, state, output, watcher.records(output), lag));
                }
                if (sparkJobs != null) {
                    jobLines.addAll(sparkJobs.progress(admin));
                }
            }
            Instant now = Instant.now();
            double seconds = Math.max(0.001, Duration.between(previousAt, now).toMillis() / 1000.0);
            Map<String, Double> rates = new HashMap<>();
            inTopics.forEach((topic, count) -> rates.put(topic, (count - previous.getOrDefault(topic, 0L)) / seconds));
            previous.clear();
            previous.putAll(inTopics);
            previousAt = now;
            Map<String, Long> memory = memoryOfParts();
            LOG.info("Resident memory of the parts (MiB): {}", memory);
            PipelineHealth health = health(Duration.between(since, now), inTopics, rates, jobLines);
            dashboardModel.pipeline(health);
            screen.show(settings.shop().rate(), health, watcher, memory);
        }
    }

    private PipelineHealth health(
            Duration uptime, Map<String, Long> inTopics, Map<String, Double> rates, List<JobProgress> jobLines) {
        List<PipelineHealth.TopicFlow> topics = new ArrayList<>();
        for (RetailTopic topic : RetailTopic.values()) {
            if (topic.role() == TopicRole.JOB_OUTPUT) {
                continue;
            }
            String name = topic.topicName();
            String deadLetters = DeadLetters.topicNameFor(name);
            topics.add(new PipelineHealth.TopicFlow(
                    name,
                    inTopics.getOrDefault(name, 0L),
                    rates.getOrDefault(name, 0.0),
                    watcher.records(deadLetters),
                    watcher.latestError(deadLetters)));
        }
        return new PipelineHealth(uptime.toSeconds(), topics, jobLines, links);
    }

    private List<ChildProcess> parts() {
        List<ChildProcess> parts = new ArrayList<>(kafka.processes());
        parts.addAll(List.of(nifi.process(), flink.jobManager(), flink.taskManager()));
        agents.forEach(agent -> parts.add(agent.process()));
        if (sparkJobs != null) {
            parts.addAll(sparkJobs.processes());
        }
        return parts;
    }

    /** A part that died is named with its log, instead of a summary that silently stops moving. */
    private void checkParts() {
        parts().forEach(ChildProcess::checkAlive);
    }

    private Map<String, Long> memoryOfParts() {
        Map<String, Long> memory = new LinkedHashMap<>();
        memory.put("launcher", ProcessMemory.residentMiB(ProcessHandle.current().pid()));
        parts().forEach(part -> memory.put(part.name(), part.residentMiB()));
        return memory;
    }

    private static long lag(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> partition : committed.entrySet()) {
            lag += Math.max(0, ends.getOrDefault(partition.getKey(), 0L) - partition.getValue());
        }
        return lag;
    }

    /** Drains every path, stops the jobs with savepoints and prints the reconciliation. */
    private boolean finish() throws Exception {
        out.println(
                "\nStopping the shop and draining: Flume ships what was written, the jobs read what reached Kafka...");
        shop.close();
        pos.close();
        try {
            nifi.drain(DRAIN_TIMEOUT);
        } catch (RuntimeException e) {
            out.println("  " + e.getMessage());
        }
        try (Admin admin = kafka.admin()) {
            awaitFlumeDrained(admin);
            awaitJobsCaughtUp(admin);
            jobs.stopWithSavepoints();
            Map<TopicPartition, Long> ends = Offsets.ends(admin, allTopics());
            Map<TopicPartition, Long> watchedEnds = new HashMap<>();
            ends.forEach((partition, offset) -> {
                if (OutputWatcher.watchedTopics().contains(partition.topic())) {
                    watchedEnds.put(partition, offset);
                }
            });
            Await.until(
                    "the output watcher to read every output",
                    DRAIN_TIMEOUT,
                    null,
                    () -> watcher.hasReached(watchedEnds));
            Map<String, Map<String, long[]>> jobInputs = new LinkedHashMap<>();
            for (String job : settings.jobs()) {
                Map<TopicPartition, Long> committed = Offsets.committed(admin, JobNames.groupOf(job));
                Map<TopicPartition, Long> from = new HashMap<>(startCommitted.get(job));
                Map<String, Long> consumed = Offsets.delta(from, committed);
                Map<String, long[]> perTopic = new LinkedHashMap<>();
                consumed.forEach((topic, count) -> {
                    Map<TopicPartition, Long> topicCommitted = new HashMap<>();
                    committed.forEach((partition, offset) -> {
                        if (partition.topic().equals(topic)) {
                            topicCommitted.put(partition, offset);
                        }
                    });
                    perTopic.put(topic, new long[] {count, lag(ends, topicCommitted)});
                });
                jobInputs.put(job, perTopic);
            }
            Reconciliation books = Reconciliation.of(
                    tally,
                    Offsets.delta(startEnds, ends),
                    nifi.undelivered(),
                    jobInputs,
                    JobNames.OUTPUTS,
                    watcher,
                    RunCensus.repeats(kafka.bootstrapServers(), startEnds, ends, JobNames.OUTPUTS.values()));
            out.print(books.render());
            LOG.info("Reconciliation:{}", books.render());
            return books.balanced();
        }
    }

    // What drills do to the running stack (StackParts).

    @Override
    public long killTaskManager() {
        ChildProcess taskManager = flink.taskManager();
        taskManager.kill();
        return taskManager.pid();
    }

    @Override
    public void startTaskManager() throws Exception {
        flink.startTaskManager();
        pids.add(flink.taskManager());
    }

    @Override
    public long stopKafka() {
        kafka.close();
        return kafka.processes().get(0).pid();
    }

    @Override
    public void startKafka() throws Exception {
        KafkaCluster restarted = KafkaCluster.start(layout, settings.kafkaPort(), settings.brokers());
        replaceStarted(kafka, restarted);
        kafka = restarted;
        addPids(kafka.processes());
    }

    @Override
    public int brokers() {
        return settings.brokers();
    }

    @Override
    public long killBroker(int nodeId) {
        return kafka.kill(nodeId);
    }

    private void addPids(List<ChildProcess> processes) throws IOException {
        for (ChildProcess process : processes) {
            pids.add(process);
        }
    }

    @Override
    public long killFlumeAgent(String name) {
        ChildProcess agent = agent(name).process();
        agent.kill();
        return agent.pid();
    }

    @Override
    public void startFlumeAgent(String name) throws Exception {
        FlumeAgent old = agent(name);
        FlumeAgent restarted = old.startAgain();
        agents.set(agents.indexOf(old), restarted);
        replaceStarted(old, restarted);
        pids.add(restarted.process());
    }

    private FlumeAgent agent(String name) {
        return agents.stream()
                .filter(agent -> agent.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Flume agent " + name));
    }

    private synchronized void replaceStarted(AutoCloseable old, AutoCloseable fresh) {
        int at = started.indexOf(old);
        if (at >= 0) {
            started.set(at, fresh);
        } else {
            started.add(fresh);
        }
    }

    @Override
    public long stopNiFi() {
        return nifi.stopNiFi();
    }

    @Override
    public void startNiFi() throws Exception {
        nifi.startNiFi();
        pids.add(nifi.process());
    }

    @Override
    public CompetitorPriceApi competitorApi() {
        return nifi.competitorApi();
    }

    @Override
    public boolean steady() throws Exception {
        try (Admin admin = kafka.admin()) {
            return everyJobRunning() && everyJobCommittedUpTo(admin, Map.of());
        }
    }

    @Override
    public Map<TopicPartition, Long> ends() throws Exception {
        try (Admin admin = kafka.admin()) {
            return Offsets.ends(admin, allTopics());
        }
    }

    @Override
    public Map<String, Long> linesWritten() {
        return Map.of(
                ShopSimulator.CLICK_LOG, tally.get(ShopSimulator.CLICK_LOG, "lines"),
                PosTerminals.POS_LOGS, tally.get(PosTerminals.POS_LOGS, "lines"));
    }

    @Override
    public boolean caughtUp(Map<TopicPartition, Long> ends, Map<String, Long> lines) throws Exception {
        try (Admin admin = kafka.admin()) {
            return everyJobRunning() && everyJobCommittedUpTo(admin, ends) && flumeShipped(admin, lines);
        }
    }

    private boolean everyJobRunning() throws IOException, InterruptedException {
        Map<String, String> running = jobs.running();
        for (String job : settings.jobs()) {
            if (!"RUNNING".equals(flink.rest().state(running.get(job)))) {
                return false;
            }
        }
        return true;
    }

    /** Every job has committed offsets, none of them behind {@code ends}. */
    private boolean everyJobCommittedUpTo(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        for (String job : settings.jobs()) {
            Map<TopicPartition, Long> committed = Offsets.committed(admin, JobNames.groupOf(job));
            if (committed.isEmpty() || lag(ends, committed) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Kafka holds, since the run's start, at least as many records of each log as {@code lines} says were written. */
    private boolean flumeShipped(Admin admin, Map<String, Long> lines) throws Exception {
        Map<String, Long> inKafka = Offsets.delta(startEnds, Offsets.ends(admin, allTopics()));
        return inKafka.getOrDefault(RetailTopic.USER_CLICKSTREAM.topicName(), 0L) >= lines.get(ShopSimulator.CLICK_LOG)
                && inKafka.getOrDefault(RetailTopic.POS_LOGS.topicName(), 0L) >= lines.get(PosTerminals.POS_LOGS);
    }

    @Override
    public Map<String, String> latestCompetitorPrices() throws Exception {
        return RunCensus.latestCompetitorPrices(kafka.bootstrapServers(), ends());
    }

    private void awaitFlumeDrained(Admin admin) {
        try {
            Await.until(
                    "Flume to deliver every log line", DRAIN_TIMEOUT, null, () -> flumeShipped(admin, linesWritten()));
        } catch (RuntimeException e) {
            out.println("  " + e.getMessage());
        }
    }

    private void awaitJobsCaughtUp(Admin admin) {
        try {
            Await.until(
                    "every job to commit what reached its inputs",
                    DRAIN_TIMEOUT,
                    null,
                    () -> everyJobCommittedUpTo(admin, Offsets.ends(admin, allTopics())));
        } catch (RuntimeException e) {
            out.println("  " + e.getMessage());
        }
    }

    /** Stops whatever started, last started first; safe to call twice. */
    public synchronized void stopAll() {
        for (AutoCloseable closeable : List.of(optional(shop), optional(pos))) {
            closeQuietly(closeable);
        }
        shop = null;
        pos = null;
        List<AutoCloseable> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        if (jobs != null && !jobs.running().isEmpty()) {
            try {
                jobs.stopWithSavepoints();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Stopping the jobs with savepoints failed", e);
            }
        }
        reverse.forEach(Stack::closeQuietly);
        started.clear();
        try {
            pids.clear();
        } catch (IOException e) {
            LOG.warn("Could not remove the pid file", e);
        }
    }

    private static AutoCloseable optional(AutoCloseable closeable) {
        return closeable == null ? () -> {} : closeable;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed", closeable, e);
        }
    }
}
