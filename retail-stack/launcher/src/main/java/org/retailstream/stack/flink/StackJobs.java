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

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flink jobs of the stack, submitted as the shaded jar through the REST API exactly as a user's
 * {@code flink run} would, and stopped with a savepoint so that the next run resumes each job where
 * it left off: open windows, carts and sessions included, and outputs exactly once.
 */
public final class StackJobs {

    private static final Logger LOG = LoggerFactory.getLogger(StackJobs.class);

    /**
     * Options that make a short run show results: windows and timeouts of seconds instead of the
     * production defaults of minutes (documented in the README); everything else is the jar's default.
     */
    private static final Map<String, List<String>> DEMO_OPTIONS = Map.of(
            "cart-abandonment", List.of("--timeout", "30s"),
            "pos-health", List.of("--window", "30s", "--idleness", "15s"),
            "sessions", List.of("--gap", "20s"),
            "dynamic-pricing", List.of("--demand-window", "2min", "--demand-slide", "30s"));

    private final FlinkSessionCluster cluster;
    private final Path savepointFile;
    private final Map<String, String> running = new LinkedHashMap<>();

    public StackJobs(FlinkSessionCluster cluster) {
        this.cluster = cluster;
        this.savepointFile = cluster.savepoints().resolve("latest.properties");
    }

    /** Uploads {@code jar} and runs {@code jobs}, each from its last savepoint when there is one. */
    public Map<String, String> submit(Path jar, List<String> jobs, String bootstrapServers)
            throws IOException, InterruptedException {
        String jarId = cluster.rest().upload(jar);
        Properties savepoints = savepoints();
        for (String job : jobs) {
            List<String> args = new ArrayList<>(List.of(
                    job,
                    "--bootstrap-servers",
                    bootstrapServers,
                    "--checkpoint-interval",
                    "5s",
                    "--checkpoint-dir",
                    cluster.savepoints()
                            .getParent()
                            .resolve("checkpoints")
                            .toUri()
                            .toString()));
            args.addAll(DEMO_OPTIONS.getOrDefault(job, List.of()));
            String savepoint = savepoints.getProperty(job);
            if (savepoint != null && !Files.exists(Path.of(java.net.URI.create(savepoint)))) {
                LOG.warn("The savepoint of {} is gone ({}); it starts from its committed offsets", job, savepoint);
                savepoint = null;
            }
            String id = cluster.rest().run(jarId, args, savepoint);
            LOG.info("Submitted {} as {}{}", job, id, savepoint == null ? "" : " from " + savepoint);
            running.put(job, id);
        }
        return running;
    }

    public Map<String, String> running() {
        return running;
    }

    /** Stops every job with a savepoint and remembers where, for the next run. */
    public void stopWithSavepoints() throws IOException {
        Properties savepoints = savepoints();
        for (Map.Entry<String, String> job : running.entrySet()) {
            try {
                String location =
                        cluster.rest().stopWithSavepoint(job.getValue(), cluster.savepoints(), Duration.ofMinutes(2));
                savepoints.setProperty(job.getKey(), location);
                LOG.info("Stopped {} with savepoint {}", job.getKey(), location);
            } catch (IOException | RuntimeException e) {
                LOG.error(
                        "Could not stop {} with a savepoint; the next run starts it from its committed offsets",
                        job.getKey(),
                        e);
                savepoints.remove(job.getKey());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Files.createDirectories(savepointFile.getParent());
        try (Writer out = Files.newBufferedWriter(savepointFile)) {
            savepoints.store(out, "The savepoint each job resumes from at the next bin/run");
        }
        running.clear();
    }

    private Properties savepoints() throws IOException {
        Properties savepoints = new Properties();
        if (Files.exists(savepointFile)) {
            try (Reader in = Files.newBufferedReader(savepointFile)) {
                savepoints.load(in);
            }
        }
        return savepoints;
    }
}
