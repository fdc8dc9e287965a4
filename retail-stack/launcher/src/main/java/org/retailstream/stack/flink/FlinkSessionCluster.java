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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.process.Await;
import org.retailstream.stack.process.ChildProcess;
import org.retailstream.stack.process.JavaCommand;
import org.retailstream.stack.process.Ports;
import org.retailstream.stack.process.StackException;

/**
 * A Flink 2.2 standalone session cluster, a JobManager and a TaskManager as processes of their own,
 * started the way flink-dist's scripts do (flink-dist is not published): Flink's {@code BashJavaUtils}
 * turns the memory settings into JVM flags, then the entry points run with {@code --configDir}.
 */
public final class FlinkSessionCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /** flink-dist's env.java.opts.all: what Flink's serializers and Pekko need opened on JDK 17+. */
    static final List<String> JAVA_OPTS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final StackLayout layout;
    private final Path conf;
    private final FlinkRest rest;
    private final ChildProcess jobManager;
    private ChildProcess taskManager;

    private FlinkSessionCluster(StackLayout layout, Path conf, FlinkRest rest, ChildProcess jobManager) {
        this.layout = layout;
        this.conf = conf;
        this.rest = rest;
        this.jobManager = jobManager;
    }

    /** Starts the JobManager (REST and web UI on {@code restPort}) and one TaskManager with {@code slots}. */
    public static FlinkSessionCluster start(StackLayout layout, int restPort, int slots)
            throws IOException, InterruptedException {
        Path home = layout.home("flink");
        Path conf = home.resolve("conf");
        Files.createDirectories(conf);
        Path tmp = home.resolve("tmp");
        deleteQuietly(tmp); // Pekko's unpacked rpc jar and blobs of a killed run
        Files.createDirectories(tmp);
        Files.writeString(conf.resolve("config.yaml"), FlinkConfig.yaml(home, restPort, Ports.free(), slots));
        ChildProcess jobManager = startPart(
                layout,
                conf,
                "flink-jobmanager",
                "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
        FlinkRest rest = new FlinkRest(restPort);
        FlinkSessionCluster cluster = new FlinkSessionCluster(layout, conf, rest, jobManager);
        try {
            Await.until("Flink's REST API on " + rest.base(), START_TIMEOUT, jobManager, rest::isUp);
            cluster.startTaskManager();
        } catch (IOException | RuntimeException | InterruptedException e) {
            // Not yet the caller's to stop: a half-started cluster must not outlive the launcher.
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Starts a TaskManager and waits until it has registered its slots. */
    public void startTaskManager() throws IOException, InterruptedException {
        taskManager = startPart(
                layout,
                conf,
                "flink-taskmanager",
                "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
        Await.until("a Flink TaskManager to register", START_TIMEOUT, taskManager, () -> rest.taskManagers() > 0);
    }

    private static ChildProcess startPart(
            StackLayout layout, Path conf, String name, String resourceCommand, String entryPoint)
            throws IOException, InterruptedException {
        Path lib = layout.runtimeLib("flink");
        List<String> logging =
                List.of("-Dlog4j.configurationFile=" + layout.log4jConfig(name), "-Dlog.file=" + layout.log(name));
        List<String> params = resourceParams(lib, conf, resourceCommand);
        List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
        args.addAll(Arrays.asList(params.get(1).trim().split("\\s+")));
        return ChildProcess.start(
                name,
                JavaCommand.java()
                        .flags(Arrays.asList(params.get(0).trim().split("\\s+")))
                        .flags(JAVA_OPTS)
                        .flags(logging)
                        .libs(lib)
                        .main(entryPoint, args)
                        .build(),
                conf.getParent(),
                layout.log(name));
    }

    /** Runs Flink's BashJavaUtils: its two result lines are the JVM memory flags and the -D settings. */
    private static List<String> resourceParams(Path lib, Path conf, String command)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(JavaCommand.java()
                        .flags(JAVA_OPTS)
                        .libs(lib)
                        .main(
                                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                                command,
                                "--configDir",
                                conf.toString())
                        .build())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        List<String> results = output.lines()
                .filter(line -> line.startsWith(RESULT_PREFIX))
                .map(line -> line.substring(RESULT_PREFIX.length()))
                .toList();
        if (results.size() < 2) {
            throw new StackException("Flink could not work out the memory settings of " + command + ": " + output);
        }
        return results.subList(results.size() - 2, results.size());
    }

    public FlinkRest rest() {
        return rest;
    }

    public ChildProcess jobManager() {
        return jobManager;
    }

    public ChildProcess taskManager() {
        return taskManager;
    }

    public Path savepoints() {
        return conf.getParent().resolve("savepoints");
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (taskManager != null) {
            taskManager.stop(Duration.ofSeconds(30));
        }
        jobManager.stop(Duration.ofSeconds(30));
    }
}
