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
package org.retailstream.nifi.e2e.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real NiFi 2.3.0 process, started from the runtime the build assembled (target/nifi/lib) with a
 * minimal unsecured configuration bound to 127.0.0.1 and a fresh set of repositories.
 */
public final class NiFiRuntime implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path home;
    private final int port;
    private final Process process;

    private NiFiRuntime(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    public static NiFiRuntime start() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("nifi.e2e.home"));
        resetRepositories(home);
        int port = freePort();
        Files.createDirectories(home.resolve("conf"));
        for (String file : List.of("nifi.properties", "state-management.xml", "logback.xml")) {
            try (InputStream in = NiFiRuntime.class.getResourceAsStream("/nifi-conf/" + file)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("HTTP_PORT", String.valueOf(port));
                Files.writeString(home.resolve("conf").resolve(file), text);
            }
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp",
                "conf" + java.io.File.pathSeparator + "lib/*",
                "-Dnifi.properties.file.path=conf/nifi.properties",
                // NiFi's management (health) server binds 127.0.0.1:52020 unless told otherwise: a NiFi
                // still shutting down, or a second build on the machine, would make this start fail.
                "-Dorg.apache.nifi.management.server.address=127.0.0.1:" + freePort(),
                "--enable-native-access=ALL-UNNAMED"));
        for (String module : List.of("java.lang", "java.nio", "java.net", "java.util", "sun.nio.ch")) {
            command.add("--add-opens=java.base/" + module + "=ALL-UNNAMED");
        }
        command.add("org.apache.nifi.NiFi");
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("logs-console.txt").toFile())
                .start();
        NiFiRuntime runtime = new NiFiRuntime(home, port, process);
        // A test JVM that dies must not leave NiFi running on the machine.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        runtime.awaitApi();
        return runtime;
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + port + "/nifi-api");
    }

    public Path appLog() {
        return home.resolve("logs/nifi-app.log");
    }

    private void awaitApi() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("NiFi exited with " + process.exitValue() + "; see "
                        + home.resolve("logs-console.txt") + " and " + appLog());
            }
            try {
                HttpResponse<String> about = client.send(
                        HttpRequest.newBuilder(URI.create(api() + "/flow/about"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (about.statusCode() == 200) {
                    return;
                }
            } catch (java.net.ConnectException notYet) {
                // Jetty is not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("NiFi's REST API did not answer within " + START_TIMEOUT);
    }

    private static void resetRepositories(Path home) throws IOException {
        for (String dir : List.of(
                "conf",
                "work",
                "state",
                "logs",
                "database_repository",
                "flowfile_repository",
                "content_repository",
                "nar_repository",
                "assets")) {
            deleteRecursively(home.resolve(dir));
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
