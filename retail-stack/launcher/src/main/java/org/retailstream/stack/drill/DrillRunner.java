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
package org.retailstream.stack.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.retailstream.stack.process.Await;
import org.retailstream.stack.process.StackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs drills one after another on the running stack: waits for a steady state, makes the fault, keeps
 * it for its outage, undoes it, and times how long until the pipeline caught up with everything that
 * existed when the fault was undone. The books are balanced afterwards by the run's reconciliation.
 */
public final class DrillRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DrillRunner.class);
    static final Duration STEADY_TIMEOUT = Duration.ofMinutes(4);
    static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(6);

    /**
     * How one drill went: the fault's length and how long the pipeline took to catch up after it; a
     * null recovery means it did not within {@link #RECOVERY_TIMEOUT}.
     */
    public record Report(String drill, String fault, Duration down, Duration recovery) {
        public boolean recovered() {
            return recovery != null;
        }
    }

    private final StackParts parts;
    private final PrintStream out;

    public DrillRunner(StackParts parts, PrintStream out) {
        this.parts = parts;
        this.out = out;
    }

    public List<Report> run(List<Drill> drills, Duration outage) throws Exception {
        out.println("\nDrills: " + drills.stream().map(Drill::cliName).toList()
                + "; waiting for a steady state (every job running and committing)...");
        Await.until("every job to run and commit", STEADY_TIMEOUT, null, parts::steady);
        List<Report> reports = new ArrayList<>();
        for (Drill drill : drills) {
            reports.add(run(drill, outage == null ? drill.defaultOutage() : outage));
        }
        return reports;
    }

    private Report run(Drill drill, Duration outage) throws Exception {
        Fault fault = drill.fault(outage);
        out.println("\n[" + drill.cliName() + "] " + drill.description());
        Instant injected = Instant.now();
        String what = fault.inject(parts);
        out.println("  " + clock() + " fault: " + what);
        LOG.info("Drill {}: {}", drill.cliName(), what);
        if (!outage.isZero()) {
            // The fault's own length, not a wait for luck: what follows waits on conditions.
            Thread.sleep(outage.toMillis());
        }
        String restored = fault.restore(parts);
        Instant restoredAt = Instant.now();
        out.println("  " + clock() + " restored: " + restored);
        LOG.info("Drill {}: {}", drill.cliName(), restored);
        Map<TopicPartition, Long> ends = parts.ends();
        Map<String, Long> lines = parts.linesWritten();
        try {
            Await.until(
                    "the pipeline to catch up after " + drill.cliName(),
                    RECOVERY_TIMEOUT,
                    null,
                    () -> parts.caughtUp(ends, lines) && fault.recovered(parts));
        } catch (StackException notRecovered) {
            // Still drain and reconcile: the books say what the fault cost.
            out.println("  " + clock() + " NOT RECOVERED: " + notRecovered.getMessage());
            LOG.error("Drill {} did not recover", drill.cliName(), notRecovered);
            return new Report(drill.cliName(), what, Duration.between(injected, restoredAt), null);
        }
        Duration recovery = Duration.between(restoredAt, Instant.now());
        out.println(String.format(
                "  %s recovered: every job and path caught up %.1f s after the fault was undone",
                clock(), recovery.toMillis() / 1000.0));
        return new Report(drill.cliName(), what, Duration.between(injected, restoredAt), recovery);
    }

    /** The drills' table, printed after the reconciliation. */
    public static String render(List<Report> reports) {
        StringBuilder text =
                new StringBuilder(String.format("%n%-18s %9s %12s  %s%n", "DRILL", "DOWN", "RECOVERED IN", "FAULT"));
        for (Report report : reports) {
            text.append(String.format(
                    "%-18s %8.1fs %12s  %s%n",
                    report.drill(),
                    report.down().toMillis() / 1000.0,
                    report.recovered()
                            ? String.format("%.1fs", report.recovery().toMillis() / 1000.0)
                            : "NOT",
                    report.fault()));
        }
        return text.toString();
    }

    private static String clock() {
        return java.time.LocalTime.now().withNano(0).toString();
    }
}
