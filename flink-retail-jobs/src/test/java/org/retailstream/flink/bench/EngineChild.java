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
package org.retailstream.flink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One engine's run in its own JVM, its output in a log file, for {@link EnginesBenchmark}: each engine
 * gets a fresh JVM with only its own class path, so neither pays for the other's classes, threads or JIT.
 */
final class EngineChild implements AutoCloseable {

    private final String name;
    private final Path log;
    private final Process process;

    private EngineChild(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code main} with {@code jvmFlags} and {@code classpath}, output to {@code log}. */
    static EngineChild start(String name, String jvmFlags, String classpath, String main, List<String> args, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmFlags.isBlank()) {
            command.addAll(List.of(jvmFlags.trim().split("\\s+")));
        }
        command.addAll(List.of("-Xmx2g", "-Dlog4j2.configurationFile=log4j2-test.xml", "-cp", classpath, main));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new EngineChild(name, log, process);
    }

    /** Waits for a line starting with {@code prefix}; fails naming the log if the JVM ends first or time runs out. */
    String await(String prefix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = Files.readAllLines(log).stream()
                    .filter(each -> each.startsWith(prefix))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") without " + prefix
                        + ", see " + log.toAbsolutePath());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                name + ": no " + prefix + " within " + timeout + ", see " + log.toAbsolutePath());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
