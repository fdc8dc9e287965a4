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
package org.retailstream.events.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.events.provision.ProvisionerOptions.UsageException;

class ProvisionerOptionsTest {

    @Test
    void parsesEveryOption(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("client.properties"), "security.protocol=SASL_SSL\n");

        ProvisionerOptions options = ProvisionerOptions.parse(
                "--bootstrap-servers",
                "k1:9092,k2:9092",
                "--command-config",
                config.toString(),
                "--replication-factor",
                "2");

        assertEquals("k1:9092,k2:9092", options.bootstrapServers());
        assertEquals(Optional.of((short) 2), options.replicationFactor());
        assertEquals("SASL_SSL", options.clientProperties().getProperty("security.protocol"));
        assertEquals("k1:9092,k2:9092", options.clientProperties().getProperty("bootstrap.servers"));
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertEquals("--bootstrap-servers is required", message());
        assertEquals("--bootstrap-servers needs a value", message("--bootstrap-servers"));
        assertEquals("Unknown option '--topic'", message("--topic", "x"));
        assertEquals(
                "--replication-factor must be a whole number from 1, got '0'",
                message("--bootstrap-servers", "k:1", "--replication-factor", "0"));
        assertTrue(message("--bootstrap-servers", "k:1", "--command-config", "/nonexistent/file")
                .contains("does not exist or is not readable"));
    }

    @Test
    void commandLinePrintsUsageAndExitsWithTwoOnBadArguments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = TopicProvisioner.run(new String[] {"--oops"}, print(out), print(err));

        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option '--oops'"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: TopicProvisioner"));
        assertEquals(0, TopicProvisioner.run(new String[] {"--help"}, print(out), print(err)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--command-config FILE"));
    }

    private static String message(String... args) {
        return assertThrows(UsageException.class, () -> ProvisionerOptions.parse(args))
                .getMessage();
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}
