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
package org.retailstream.stack.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.retailstream.stack.process.StackException;
import org.retailstream.stack.rest.JsonHttp;

/**
 * The calls of Flink's REST API the launcher needs: what {@code flink run}, {@code flink stop} and
 * the web UI's job list do.
 */
public final class FlinkRest {

    private static final ObjectMapper JSON = JsonHttp.JSON;

    private final JsonHttp http;

    public FlinkRest(int port) {
        this.http = new JsonHttp(URI.create("http://127.0.0.1:" + port));
    }

    public URI base() {
        return http.base();
    }

    boolean isUp() throws IOException, InterruptedException {
        return send("GET", "/overview", null).has("flink-version");
    }

    public int taskManagers() throws IOException, InterruptedException {
        return send("GET", "/overview", null).path("taskmanagers").asInt();
    }

    /** Uploads a job jar as {@code POST /jars/upload} does; returns the jar id to run it by. */
    public String upload(Path jar) throws IOException, InterruptedException {
        String boundary = "retail-stream-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(jar));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = http.send(
                "POST /jars/upload",
                HttpRequest.newBuilder(http.uri("/jars/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build());
        String file = answer.path("filename").asText();
        return Path.of(file).getFileName().toString();
    }

    /** Runs the jar's main class with {@code args}, optionally from a savepoint; returns the job id. */
    public String run(String jarId, List<String> args, String savepoint) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.set("programArgsList", JSON.valueToTree(args));
        if (savepoint != null) {
            body.put("savepointPath", savepoint);
            body.put("allowNonRestoredState", false);
        }
        return send("POST", "/jars/" + jarId + "/run", body).path("jobid").asText();
    }

    /** Job ids by name, of jobs that are not in a terminal state. */
    public Map<String, String> runningJobs() throws IOException, InterruptedException {
        Map<String, String> jobs = new LinkedHashMap<>();
        for (JsonNode job : send("GET", "/jobs/overview", null).path("jobs")) {
            String state = job.path("state").asText();
            if (!List.of("FINISHED", "FAILED", "CANCELED").contains(state)) {
                jobs.put(job.path("name").asText(), job.path("jid").asText());
            }
        }
        return jobs;
    }

    /** The job's state, e.g. RUNNING, RESTARTING, FAILED. */
    public String state(String jobId) throws IOException, InterruptedException {
        return send("GET", "/jobs/" + jobId, null).path("state").asText();
    }

    /** Stops a job with a savepoint (as {@code flink stop}); returns the savepoint's path. */
    public String stopWithSavepoint(String jobId, Path directory, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("targetDirectory", directory.toUri().toString())
                .put("drain", false);
        String trigger = send("POST", "/jobs/" + jobId + "/stop", body)
                .path("request-id")
                .asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = send("GET", "/jobs/" + jobId + "/savepoints/" + trigger, null);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new StackException("Stopping job " + jobId + " with a savepoint failed: "
                            + operation
                                    .path("failure-cause")
                                    .path("stack-trace")
                                    .asText()
                                    .lines()
                                    .findFirst()
                                    .orElse(""));
                }
                return operation.path("location").asText();
            }
            Thread.sleep(250);
        }
        throw new StackException(
                "Job " + jobId + " did not complete its savepoint within " + timeout.toSeconds() + " s");
    }

    private JsonNode send(String method, String path, JsonNode body) throws IOException {
        return http.send(method, path, body);
    }
}
