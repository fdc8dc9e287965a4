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
package org.retailstream.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The jar's command line: help, the Flink jar's option names, and clear refusals before Spark starts. */
class SparkRetailJobsTest {

    @Test
    void helpNamesTheJobAndItsOptions() {
        String help = run(0, "category-revenue", "--help");
        for (String option : new String[] {
            "--bootstrap-servers",
            "--checkpoint-dir",
            "--starting-offsets",
            "--client-properties",
            "--topics",
            "--out-of-orderness"
        }) {
            assertTrue(help.contains(option), option + " in " + help);
        }
    }

    @Test
    void theRequiredOptionsAreNamedWhenMissing() {
        String error = run(2, "category-revenue", "--bootstrap-servers", "127.0.0.1:9092");
        assertTrue(error.contains("Missing required option: '--checkpoint-dir=<checkpointDir>'"), error);
    }

    @Test
    void aTopicOutsideTheCatalogueIsRefusedWithTheCataloguesNames() {
        String error = run(
                2,
                "sessions",
                "--bootstrap-servers",
                "127.0.0.1:9092",
                "--checkpoint-dir",
                "/tmp/never-used",
                "--topics",
                "clicks=web.clicks");
        assertTrue(error.contains("--topics: 'clicks' is not a topic of the catalogue (user_clickstream,"), error);
    }

    @Test
    void aJobThatDoesNotExistIsRefused() {
        String error = run(2, "category-revenu");
        assertTrue(error.contains("category-revenue"), "suggests the job: " + error);
    }

    @Test
    void durationsAreWrittenAsInTheFlinkJar() {
        JobOptions.DurationConverter durations = new JobOptions.DurationConverter();
        assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
        assertEquals(Duration.ofSeconds(5), durations.convert("5s"));
        assertEquals(Duration.ofMinutes(2), durations.convert("2min"));
        assertEquals(Duration.ofSeconds(5), durations.convert("PT5S"));
    }

    private static String run(int expectedStatus, String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new SparkRetailJobs())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(out));
        assertEquals(expectedStatus, command.execute(args), out.toString());
        return out.toString();
    }
}
