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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * templates/spark/submit-jobs.sh as shipped, with a stand-in spark-submit that records its arguments:
 * every job it submits is one of the jar's, with options the jar accepts, its own checkpoint folder and
 * the jar's main class.
 */
class SubmitTemplateTest {

    private static final Path TEMPLATE = Path.of("..", "templates", "spark", "submit-jobs.sh");

    @Test
    void everySubmissionIsAJobOfTheJarWithOptionsItAccepts(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        Path stub = bin.resolve("spark-submit");
        // One line per call, arguments separated by a unit separator (arguments may hold spaces).
        Files.writeString(stub, "#!/usr/bin/env bash\n(IFS=$'\\x1f'; echo \"$*\") >> " + calls + "\n");
        stub.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder("bash", TEMPLATE.toString()).redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "PATH", bin + ":" + System.getenv("PATH"),
                        "JAR", "spark-retail-jobs.jar",
                        "MASTER", "spark://spark-master:7077",
                        "BROKERS", "kafka:9092",
                        "CHECKPOINTS", "/checkpoints",
                        // as docker-compose.yml runs it, beside the Flink jobs
                        "TOPICS", "category_revenue=category_revenue_spark"));
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));

        List<String> jobs = new ArrayList<>();
        for (String call : Files.readAllLines(calls)) {
            List<String> args = List.of(call.split("\\x1f"));
            int jar = args.indexOf("spark-retail-jobs.jar");
            assertEquals(SparkRetailJobs.class.getName(), args.get(jar - 1), call);
            List<String> job = args.subList(jar + 1, args.size());
            CommandLine.ParseResult parsed =
                    new CommandLine(new SparkRetailJobs()).parseArgs(job.toArray(String[]::new));
            assertTrue(parsed.hasSubcommand(), call);
            String name = parsed.subcommand().commandSpec().name();
            assertEquals(
                    "/checkpoints/" + name,
                    parsed.subcommand()
                            .matchedOptionValue("--checkpoint-dir", null)
                            .toString());
            assertEquals(
                    "category_revenue=category_revenue_spark",
                    parsed.subcommand().matchedOptionValue("--topics", ""),
                    call);
            jobs.add(name);
        }
        assertEquals(List.of("category-revenue", "sessions", "cart-pricing-join"), jobs);
    }
}
