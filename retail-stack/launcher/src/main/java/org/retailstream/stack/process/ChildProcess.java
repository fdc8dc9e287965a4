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
package org.retailstream.stack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One part of the stack running as a process of its own, its output in a log file. Stopping asks
 * politely first (SIGTERM, which Kafka, Flink, Flume and NiFi handle with a clean shutdown) and
 * kills what is still alive after the grace period, children included.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir}; stdout and stderr go to {@code log}. */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path log) throws IOException {
        LOG.info("Starting {}: {}", name, String.join(" ", command));
        List<String> detached = new java.util.ArrayList<>(command);
        if (Files.isExecutable(SETSID)) {
            // A session of its own: Ctrl-C in the terminal reaches the launcher only, which then
            // drains and stops each part in order instead of every part dying at once.
            detached.add(0, SETSID.toString());
        }
        Process process = new ProcessBuilder(detached)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new ChildProcess(name, process, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Fails with the log's path when the process has died, so a caller waiting on it stops waiting. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; its log is " + log);
        }
    }

    /** Resident memory in MiB (Linux /proc), or -1 where it cannot be read. */
    public long residentMiB() {
        return ProcessMemory.residentMiB(process.pid());
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL for it and anything it started. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {}; killing it", name, grace);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** kill -9: no shutdown hook, no flush, as a crash or the OOM killer would end it. */
    public void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly(); // SIGKILL on Linux
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
