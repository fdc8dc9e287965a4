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
package org.retailstream.flink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.retailstream.flink.job.JobSpec;

/** The packaged jar, run as a process the way a user first meets it: {@code java -jar ... --help}. */
class JarCliIT {

    private static final Path JAR = Path.of(System.getProperty("retail.flinkJar"));

    @Test
    void theManifestNamesTheEntryPointAndTheJarCarriesTheConnectorButNotFlink() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertEquals(
                    RetailJobs.class.getName(),
                    jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertTrue(jar.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class") != null);
            assertTrue(jar.getEntry("org/apache/flink/cep/CEP.class") != null);
            assertTrue(jar.getEntry("org/apache/kafka/clients/producer/KafkaProducer.class") != null);
            assertEquals(
                    null, jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"));
        }
    }

    @Test
    void helpListsEveryJobAndTheCommonOptions() throws Exception {
        Result help = run("--help");

        assertEquals(0, help.status, help.output);
        for (JobSpec job : JobCatalog.JOBS) {
            assertTrue(help.output.contains(job.name()), job.name() + " missing from:\n" + help.output);
        }
        assertTrue(help.output.contains("--bootstrap-servers"));
        assertTrue(help.output.contains("--client-properties"));
    }

    @Test
    void aJobsHelpListsItsOwnOptions() throws Exception {
        Result help = run("cart-abandonment", "--help");

        assertEquals(0, help.status, help.output);
        assertTrue(help.output.contains("--timeout"), help.output);
        assertTrue(help.output.contains("(default 5min)"), help.output);
        assertTrue(help.output.contains("--bounded[=true|false]"), help.output);
        assertTrue(help.output.contains("--starting-offsets"), help.output);
    }

    @Test
    void anUnknownJobOrOptionIsAUsageErrorThatSaysWhat() throws Exception {
        Result job = run("no-such-job");
        assertEquals(2, job.status);
        assertTrue(job.output.contains("Unknown job 'no-such-job'"), job.output);

        Result option = run("fraud", "--windw", "5min");
        assertEquals(2, option.status);
        assertTrue(option.output.contains("Unknown options: '--windw', '5min'"), option.output);

        Result refused = run("category-revenue-sql", "--allowed-lateness", "1min");
        assertEquals(2, refused.status);
        assertTrue(
                refused.output.contains("--allowed-lateness is not supported by category-revenue-sql"), refused.output);
    }

    private record Result(int status, String output) {}

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not exit");
        return new Result(process.exitValue(), output);
    }
}
