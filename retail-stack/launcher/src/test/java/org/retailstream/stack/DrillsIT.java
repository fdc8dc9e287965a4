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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The drills as a user runs them: on one broker, one after another on one running stack (each would
 * take the stack's start-up again on its own) a TaskManager killed, a Flume agent killed mid-batch, the
 * broker stopped and started, the competitor APIs down, NiFi restarted; on three brokers, one killed for
 * good. Then the books: nothing lost on any path, no job output twice, no price emitted again unchanged,
 * and each drill's recovery timed.
 */
@Tag("slow")
class DrillsIT {

    private static final Path DATA = Path.of("target", "drills-it", "data").toAbsolutePath();
    private static final List<String> DRILLS =
            List.of("taskmanager-kill", "flume-kill", "broker-restart", "api-outage");
    private static final Pattern PATH_LINE =
            Pattern.compile("(?m)^(.{20}) (\\S+) +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+)$");
    private static final Pattern OUTPUT_LINE = Pattern.compile("(?m)^(\\w+) +([\\d,]+) +([\\d,]+)$");
    private static final Pattern DRILL_LINE = Pattern.compile("(?m)^([a-z-]+) +([\\d.]+)s +([\\d.]+)s  (.+)$");

    @Test
    void everyDrillOnOneBrokerEndsWithNothingLostAndNoOutputTwice() throws Exception {
        List<String> drills = List.of("taskmanager-kill", "flume-kill", "broker-restart", "api-outage", "nifi-restart");
        String console = runDrills(DATA, drills);
        assertTrue(console.contains("the APIs answer again ("), console);
        assertTrue(console.contains("NiFi is up again on its flow and state"), console);
    }

    @Test
    void aBrokerKilledForGoodOutOfThreeStopsNothing() throws Exception {
        String console = runDrills(DATA.resolveSibling("three-brokers"), List.of("broker-kill"), "--brokers", "3");
        assertTrue(
                console.matches("(?s).*Kafka up at 127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+.*"),
                console);
        assertTrue(console.contains("kill -9 Kafka broker 3 (pid "), console);
    }

    /** Runs the drills, checks the books and each drill's line, and returns the console. */
    private static String runDrills(Path data, List<String> drills, String... options) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(
                List.of("--fresh", "--rate", "200", "--drill", String.join(",", drills), "--outage", "20s"));
        arguments.addAll(List.of(options));
        int kafkaPort = RunCommandProcess.freePort();
        try (RunCommandProcess run = RunCommandProcess.start(
                data,
                kafkaPort,
                RunCommandProcess.freePort(),
                RunCommandProcess.freePort(),
                arguments.toArray(String[]::new))) {
            int exit = run.awaitExit(Duration.ofMinutes(20));
            String console = run.console();
            assertEquals(0, exit, "exit code (0: the books balanced); console:\n" + console);
            assertBooksBalance(console);
            Matcher drill = DRILL_LINE.matcher(console);
            Map<String, String> lines = new LinkedHashMap<>();
            while (drill.find()) {
                lines.put(drill.group(1), drill.group(0));
            }
            assertEquals(drills, List.copyOf(lines.keySet()), "a line per drill with its figures:\n" + console);
            return console;
        }
    }

    private static void assertBooksBalance(String console) {
        Map<String, long[]> paths = new LinkedHashMap<>();
        Matcher path = PATH_LINE.matcher(console);
        while (path.find()) {
            paths.put(path.group(2), new long[] {
                number(path.group(3)), number(path.group(5)), number(path.group(6)), number(path.group(7))
            });
        }
        assertEquals(8, paths.size(), "a line per path: " + paths.keySet() + "\n" + console);
        paths.forEach((topic, figures) -> {
            assertTrue(figures[0] > 0, topic + " produced something");
            assertEquals(0, figures[2], topic + ": LOST");
        });
        assertEquals(0, paths.get("competitor_prices")[3], "no price emitted again unchanged");
        Matcher output = OUTPUT_LINE.matcher(console.substring(console.indexOf("OUTPUT (exactly once)")));
        int outputs = 0;
        while (output.find() && outputs < 6) {
            outputs++;
            assertEquals(0, number(output.group(3)), output.group(1) + " holds a record twice");
        }
        assertEquals(6, outputs, console);
        assertTrue(console.contains("\nBALANCED: "), console);
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }
}
