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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A port already taken: the run command names the port and the option that moves it, and starts nothing. */
class PortTakenIT {

    @ParameterizedTest
    @ValueSource(strings = {"--kafka-port", "--flink-port", "--nifi-port"})
    void aTakenPortIsNamedWithItsOptionAndNothingIsLeftRunning(String option) throws Exception {
        Path data = Path.of("target", "port-taken-it", option.substring(2)).toAbsolutePath();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            int kafkaPort = option.equals("--kafka-port") ? port : RunCommandProcess.freePort();
            int flinkPort = option.equals("--flink-port") ? port : RunCommandProcess.freePort();
            int nifiPort = option.equals("--nifi-port") ? port : RunCommandProcess.freePort();
            try (RunCommandProcess run =
                    RunCommandProcess.start(data, kafkaPort, flinkPort, nifiPort, "--fresh", "--duration", "10s")) {
                assertEquals(3, run.awaitExit(Duration.ofMinutes(3)), run.console());
                String console = run.console();
                assertTrue(console.contains("Port " + port + " on 127.0.0.1"), console);
                assertTrue(console.contains("choose another port with " + option), console);
                assertFalse(run.process().descendants().anyMatch(ProcessHandle::isAlive), "parts left running");
                assertFalse(Files.exists(data.resolve("run.pids")), "no part was left for a later run to stop");
            }
        }
    }
}
