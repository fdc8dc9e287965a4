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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The run command as a user starts it, in a process of its own, its console captured to a file. */
final class RunCommandProcess implements AutoCloseable {

    private final Process process;
    private final Path console;

    private RunCommandProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    static RunCommandProcess start(Path dataDir, int kafkaPort, int flinkPort, int nifiPort, String... options)
            throws IOException {
        Path runtimes = Path.of(System.getProperty("retail.runtimes"));
        List<String> command = new ArrayList<>(List.of(
                // A build started in the background (as CI may start it) hands its children an
                // ignored SIGINT, and a Java process never handles a signal ignored at its start:
                // give the launcher the default disposition a terminal would.
                "env",
                "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                runtimes.resolve("launcher/*") + ":" + runtimes.resolve("launcher/lib/*"),
                "org.retailstream.stack.cli.RunCommand",
                "--runtimes",
                runtimes.toString(),
                "--templates",
                System.getProperty("retail.templates"),
                "--data-dir",
                dataDir.toString(),
                "--kafka-port",
                Integer.toString(kafkaPort),
                "--flink-port",
                Integer.toString(flinkPort),
                "--nifi-port",
                Integer.toString(nifiPort),
                "--dashboard-port",
                Integer.toString(freePort()),
                "--refresh",
                "10s"));
        command.addAll(List.of(options));
        Files.createDirectories(dataDir.getParent());
        Path console = dataDir.resolveSibling(dataDir.getFileName() + "-console-" + System.nanoTime() + ".txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        return new RunCommandProcess(process, console);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    Process process() {
        return process;
    }

    String console() throws IOException {
        return Files.readString(console, StandardCharsets.UTF_8);
    }

    /** Waits for the exit; fails with the console's text when it takes longer than {@code timeout}. */
    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("bin/run did not exit within " + timeout + "; console:\n" + console());
        }
        return process.exitValue();
    }

    /** SIGINT, as Ctrl-C in a terminal sends it to the launcher. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }
}
