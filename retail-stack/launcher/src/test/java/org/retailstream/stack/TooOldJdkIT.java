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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** bin/run on a machine whose only JDK is 17: it says what it needs and what it found, and starts nothing. */
class TooOldJdkIT {

    @Test
    void aJdk17AloneIsNamedAndRefused() throws Exception {
        Path jdk17 = Path.of("target", "fake-jdk-17").toAbsolutePath();
        Path java = jdk17.resolve("bin/java");
        Files.createDirectories(java.getParent());
        // Answers the version probe as a JDK 17's java does (on stderr, in -XshowSettings' format).
        Files.writeString(
                java,
                "#!/bin/sh\necho '    java.specification.version = 17' >&2\necho 'openjdk version \"17.0.13\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path repository = Path.of(System.getProperty("retail.templates")).getParent();

        ProcessBuilder run = new ProcessBuilder(
                        "bash", repository.resolve("bin/run").toString(), "--help")
                .redirectErrorStream(true);
        run.environment().put("JAVA_HOME", jdk17.toString());
        run.environment().put("RETAIL_JDK_SEARCH", jdk17.toString());
        run.environment().put("RETAIL_SKIP_BUILD", "1");
        Process process = run.start();

        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "bin/run did not give up");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("retail-stream needs a JDK 21 or newer"), output);
        assertTrue(output.contains("JAVA_HOME is " + jdk17 + " (Java 17)"), output);
        assertFalse(output.contains("Usage"), "nothing was started: " + output);
    }
}
