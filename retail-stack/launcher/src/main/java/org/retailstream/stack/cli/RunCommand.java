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
package org.retailstream.stack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.retailstream.stack.Stack;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.StackSettings;
import org.retailstream.stack.drill.Drill;
import org.retailstream.stack.flink.JobNames;
import org.retailstream.stack.process.PidFile;
import org.retailstream.stack.process.StackException;
import org.retailstream.stack.shop.ShopSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bin/run}: the whole pipeline on this machine, with a live summary and a reconciliation at the end. */
@Command(
        name = "bin/run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Starts Kafka (KRaft), a Flink session cluster with the retail jobs, the Flume agents of"
                + " templates/flume and NiFi with the flows of templates/nifi, each as a process of its own on"
                + " 127.0.0.1, feeds them from a simulated shop and simulated competitor and weather APIs,"
                + " and shows a live summary in the console and a dashboard in the browser. At the end (--duration,"
                + " Ctrl-C or the last --drill) it drains every path and prints"
                + " the reconciliation: what was produced, what reached Kafka, what each job consumed and"
                + " dead-lettered.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run ended and its books balanced",
            "1:the books did not balance (see the reconciliation), or a drill did not recover",
            "2:bad options",
            "3:a part could not start (port taken, runtime missing, ...): the message says which",
            "130:a second Ctrl-C stopped the parts without reconciling"
        })
public final class RunCommand implements Callable<Integer> {

    static final int NOT_BALANCED = 1;
    static final int CANNOT_START = 3;
    /** A second Ctrl-C: stopped without reconciling (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = 130;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--data-dir",
            defaultValue = ".retail-stream",
            description =
                    "Where every part keeps its state and logs (default: ${DEFAULT-VALUE}); a second run reuses it.")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data folder first: new topics, no savepoints, no offsets.")
    boolean fresh;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "Run this long, then drain, reconcile and exit, e.g. 90s, 10min (default: until Ctrl-C).")
    Duration duration;

    @Option(
            names = "--rate",
            defaultValue = "200",
            description =
                    "Shop events per second: clicks, cart updates, checkouts, stock changes (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--pos-rate",
            defaultValue = "30",
            description = "POS log lines per second over all terminals (default: ${DEFAULT-VALUE}).")
    double posRate;

    @Option(
            names = "--malformed",
            defaultValue = "0.005",
            description =
                    "Share of records written deliberately broken, to show the dead-letter paths (default: ${DEFAULT-VALUE}).")
    double malformed;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description =
                    "Seed of the simulated shoppers; the same seed makes the same choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--jobs",
            split = ",",
            description = "Flink jobs to run (default: all of: ${COMPLETION-CANDIDATES}).",
            completionCandidates = JobCandidates.class)
    List<String> jobs = JobNames.ALL;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Kafka's client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--brokers",
            defaultValue = "1",
            description =
                    "Kafka brokers: 1, or 3 for a replicated cluster (replication factor 3, min.insync.replicas 2)"
                            + " on --kafka-port and the two ports after it (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(
            names = "--flink-port",
            defaultValue = "8081",
            description = "Flink's REST API and web UI port (default: ${DEFAULT-VALUE}).")
    int flinkPort;

    @Option(
            names = "--nifi-port",
            defaultValue = "8080",
            description = "NiFi's web UI and REST API port (default: ${DEFAULT-VALUE}).")
    int nifiPort;

    @Option(
            names = "--dashboard-port",
            defaultValue = "8090",
            description = "The browser dashboard's port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int dashboardPort;

    @Option(
            names = "--drill",
            split = ",",
            paramLabel = "NAME",
            description = "Make these faults one after another on the running stack, then drain, reconcile and exit"
                    + " (${COMPLETION-CANDIDATES}); see the README's drill table.",
            completionCandidates = DrillCandidates.class)
    List<String> drills = List.of();

    @Option(
            names = "--outage",
            converter = DurationConverter.class,
            description = "How long each drill's fault lasts (default: the drill's own: broker-restart 30s,"
                    + " api-outage 2min, flume-kill 5s, nifi-restart 10s, broker-kill 20s before the recovery"
                    + " is timed, taskmanager-kill 0s).")
    Duration outage;

    @Option(
            names = "--spark",
            description =
                    "Also run the Spark Structured Streaming jobs (category-revenue, sessions, cart-pricing-join),"
                            + " each in a spark-submit process of its own in local mode; their category revenue and sessions go"
                            + " to category_revenue_spark and user_sessions_spark, beside the Flink jobs' topics.")
    boolean spark;

    @Option(
            names = "--real-weather",
            description = "Poll the real Open-Meteo (needs internet) instead of the simulated weather API.")
    boolean realWeather;

    @Option(
            names = "--refresh",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How often the summary is redrawn (default: ${DEFAULT-VALUE}).")
    Duration refresh;

    @Option(
            names = "--runtimes",
            defaultValue = "retail-stack/target/runtimes",
            description = "The runtimes the build assembled (default: ${DEFAULT-VALUE}).")
    Path runtimes;

    @Option(
            names = "--templates",
            defaultValue = "templates",
            description = "The templates folder whose Flume agents are run (default: ${DEFAULT-VALUE}).")
    Path templates;

    /** The drills' names, for help and shell completion. */
    static final class DrillCandidates extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        DrillCandidates() {
            super(Drill.names());
        }
    }

    /** The jar's job names, for help and shell completion. */
    static final class JobCandidates extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        JobCandidates() {
            super(JobNames.ALL);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        StackLayout layout = new StackLayout(dataDir, runtimes, templates);
        int leftovers = new PidFile(layout.data()).killLeftovers();
        if (leftovers > 0) {
            System.out.println(
                    "Stopped " + leftovers + " process(es) an earlier run on this data folder left running.");
        }
        layout.prepare(fresh);
        // Before any logger exists: the launcher's own log goes to <data>/logs/stack.log.
        System.setProperty(
                "retail.stack.log", layout.log("stack").toAbsolutePath().toString());
        Stack stack = new Stack(
                new StackSettings(
                        layout,
                        duration,
                        refresh,
                        jobs,
                        new ShopSettings(rate, seed, malformed),
                        posRate,
                        kafkaPort,
                        brokers,
                        flinkPort,
                        nifiPort,
                        dashboardPort,
                        realWeather,
                        drills.stream().map(Drill::byName).toList(),
                        outage,
                        spark),
                System.out);
        // Not a join on the main thread: on a normal exit the main thread itself waits in System.exit
        // for this hook, and the hook would wait for it until its timeout.
        CountDownLatch finished = new CountDownLatch(1);
        CtrlC.onInterrupt(stack::requestStop, System.out);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.requestStop();
                            try {
                                finished.await(4, TimeUnit.MINUTES);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            stack.stopAll();
                        },
                        "ctrl-c"));
        try {
            return stack.run() ? 0 : NOT_BALANCED;
        } catch (StackException e) {
            System.err.println("retail-stream could not run: " + e.getMessage());
            return CANNOT_START;
        } finally {
            finished.countDown();
        }
    }

    private void validate() {
        for (String job : jobs) {
            if (!JobNames.ALL.contains(job) && !job.equals("category-revenue-sql")) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Unknown job '" + job + "' in --jobs; jobs: " + String.join(", ", JobNames.ALL)
                                + ", category-revenue-sql");
            }
        }
        for (int port : List.of(kafkaPort, flinkPort, nifiPort, dashboardPort)) {
            if (port < 1 || port > 65_535) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--kafka-port, --flink-port, --nifi-port and --dashboard-port must be between 1 and 65535, got "
                                + port);
            }
        }
        for (String drill : drills) {
            if (!Drill.names().contains(drill)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Unknown drill '" + drill + "' in --drill; drills: " + String.join(", ", Drill.names()));
            }
        }
        if (brokers != 1 && brokers != 3) {
            throw new ParameterException(spec.commandLine(), "--brokers must be 1 or 3, got " + brokers);
        }
        if (drills.contains(Drill.BROKER_KILL.cliName()) && brokers != 3) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--drill broker-kill needs --brokers 3: with one broker, killing it is an outage");
        }
        if (outage != null && outage.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--outage must not be negative");
        }
        if (!drills.isEmpty() && duration != null) {
            throw new ParameterException(
                    spec.commandLine(), "--drill ends the run itself once its drills are over; leave out --duration");
        }
        if (rate <= 0 || posRate < 0 || malformed < 0 || malformed > 1) {
            throw new ParameterException(
                    spec.commandLine(), "--rate must be above 0, --pos-rate at least 0, --malformed between 0 and 1");
        }
        if (!java.nio.file.Files.isDirectory(runtimes.resolve("kafka/lib"))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "No runtimes in " + runtimes.toAbsolutePath()
                            + ": build them with ./mvnw -pl retail-stack/launcher -am package -DskipTests (bin/run does).");
        }
    }
}
