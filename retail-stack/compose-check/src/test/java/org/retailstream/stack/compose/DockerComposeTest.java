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
package org.retailstream.stack.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of docker-compose.yml without a Docker engine or a registry: a real Compose
 * implementation accepts it, everything it mounts or copies is something the build produces, every
 * dependency waits for health (or a finished one-shot), and the images are the versions the poms pin.
 */
class DockerComposeTest {

    /** Where the Flume services read the logs they ship: the user's input, not a build artefact. */
    private static final String LOG_INPUTS = "./.retail-stream-docker/";

    private static ComposeFile compose;

    @BeforeAll
    static void read() throws IOException {
        compose = ComposeFile.read(Path.of(System.getProperty("retail.root")));
    }

    @Test
    void aRealComposeImplementationAcceptsTheFile() throws Exception {
        Assumptions.assumeTrue(
                onPath("docker-compose"),
                "Skipped: docker-compose is not installed (Debian package docker-compose; .ci/run installs it),"
                        + " so no Compose implementation can check the file");
        Process check = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(compose.root().toFile())
                .redirectErrorStream(true)
                .start();
        assertTrue(check.waitFor(2, TimeUnit.MINUTES), "docker-compose config did not finish");
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.exitValue(), "docker-compose config -q rejected the file:\n" + output);
    }

    @Test
    void everyMountedFileIsOneTheBuildProducesOrTheRepositoryHolds() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> service : compose.services().entrySet()) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String host = volume.asText().split(":")[0];
                if (!host.startsWith("./") || host.startsWith(LOG_INPUTS)) {
                    continue; // a named volume, or the user's log folder
                }
                checked++;
                if (!Files.exists(compose.root().resolve(host))) {
                    missing.add(service.getKey() + " mounts " + host);
                }
            }
        }
        assertTrue(checked >= 8, "the file mounts the jobs jar, the NAR, the contract's CLI and the templates");
        assertTrue(missing.isEmpty(), "mounted but not built (run ./mvnw package first?): " + missing);
    }

    @Test
    void everyFileTheFlumeImageCopiesIsBuilt() throws IOException {
        JsonNode build = compose.services().get("flume-pos").path("build");
        Path dockerfile = compose.root()
                .resolve(build.path("context").asText())
                .resolve(build.path("dockerfile").asText());
        List<String> copies = Files.readAllLines(dockerfile).stream()
                .filter(line -> line.startsWith("COPY "))
                .map(line -> line.split("\\s+")[1])
                .toList();
        assertEquals(3, copies.size(), "sink jar, its libext/ and the start script: " + copies);
        for (String source : copies) {
            assertTrue(
                    matchesSomething(compose.root(), source), dockerfile + " copies " + source + ", which is missing");
        }
        assertTrue(
                Files.isRegularFile(compose.root()
                        .resolve("flume-retail-sink/target/plugins.d/retail-stream/libext/kafka-clients-"
                                + System.getProperty("retail.kafkaVersion") + ".jar")),
                "the sink's libext/ holds the kafka-clients it is built with");
    }

    @Test
    void everyDependencyExistsAndWaitsForHealthOrForAFinishedOneShot() {
        List<String> wrong = new ArrayList<>();
        Map<String, JsonNode> services = compose.services();
        services.forEach((name, service) -> {
            JsonNode dependsOn = service.path("depends_on");
            if (dependsOn.isArray()) {
                wrong.add(name + ": depends_on as a list waits for nothing but the start");
                return;
            }
            dependsOn.properties().forEach(dependency -> {
                JsonNode target = services.get(dependency.getKey());
                String condition = dependency.getValue().path("condition").asText();
                if (target == null) {
                    wrong.add(name + " depends on " + dependency.getKey() + ", which is not a service");
                } else if (condition.equals("service_healthy")) {
                    if (target.path("healthcheck").path("test").isMissingNode()) {
                        wrong.add(name + " waits for " + dependency.getKey()
                                + " to be healthy, which has no healthcheck");
                    }
                } else if (condition.equals("service_completed_successfully")) {
                    if (!target.path("restart").asText().equals("no")) {
                        wrong.add(name + " waits for " + dependency.getKey() + " to finish, which is not a one-shot");
                    }
                } else {
                    wrong.add(name + " depends on " + dependency.getKey() + " with condition '" + condition + "'");
                }
            });
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        for (String gated : List.of(
                "nifi",
                "flink-taskmanager",
                "flink-job-submitter",
                "flume-pos",
                "flume-web",
                "spark-master",
                "spark-worker",
                "spark-job-submitter")) {
            assertTrue(services.get(gated).has("depends_on"), gated + " starts only once what it needs is up");
        }
    }

    @Test
    void theImagesAreTheVersionsThePomsPin() throws IOException {
        Map<String, JsonNode> services = compose.services();
        assertEquals(
                "apache/kafka:" + System.getProperty("retail.kafkaVersion"),
                services.get("kafka").path("image").asText());
        assertEquals(
                "apache/nifi:" + System.getProperty("retail.nifiVersion"),
                services.get("nifi").path("image").asText());
        for (String flink : List.of("flink-jobmanager", "flink-taskmanager", "flink-job-submitter")) {
            // The jobs are compiled for Java 17, the image's JVM.
            assertEquals(
                    "flink:" + System.getProperty("retail.flinkVersion") + "-java17",
                    services.get(flink).path("image").asText(),
                    flink);
        }
        // Spark's version is managed in its module alone (no other host sees it): read it from that pom.
        java.util.regex.Matcher spark = java.util.regex.Pattern.compile("<spark.version>([^<]+)</spark.version>")
                .matcher(Files.readString(compose.root().resolve("spark-retail-jobs/pom.xml")));
        assertTrue(spark.find(), "spark-retail-jobs/pom.xml names spark.version");
        for (String service : List.of("spark-master", "spark-worker", "spark-job-submitter")) {
            assertEquals(
                    "apache/spark:" + spark.group(1),
                    services.get(service).path("image").asText(),
                    service);
        }
        String flume = System.getProperty("retail.flumeVersion");
        assertEquals(
                flume,
                services.get("flume-pos")
                        .path("build")
                        .path("args")
                        .path("FLUME_VERSION")
                        .asText());
        assertTrue(
                Files.readString(compose.root().resolve("docker/flume/Dockerfile"))
                        .contains("ARG FLUME_VERSION=" + flume + "\n"),
                "the Dockerfile's default Flume version is the pom's");
        assertEquals(
                System.getProperty("retail.version"), compose.env().get("RETAIL_VERSION"), ".env's RETAIL_VERSION");
    }

    private static boolean matchesSomething(Path root, String source) throws IOException {
        Path dir = root.resolve(source).getParent();
        if (!Files.isDirectory(dir)) {
            return false;
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + root.resolve(source));
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(path -> glob.matches(path) || path.equals(root.resolve(source)));
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
