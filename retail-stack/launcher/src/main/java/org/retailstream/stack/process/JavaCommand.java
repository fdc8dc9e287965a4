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

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a child JVM: this JDK's java, a classpath of lib/ folders, flags, main class. */
public final class JavaCommand {

    /** Silences JDK 25's warnings about native access and Unsafe in Kafka's and Flink's libraries. */
    private static final List<String> QUIET_JDK = List.of(
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-Djava.net.preferIPv4Stack=true");

    private final List<String> jvmFlags = new ArrayList<>(QUIET_JDK);
    private final List<String> classpath = new ArrayList<>();
    private String mainClass;
    private final List<String> args = new ArrayList<>();

    public static JavaCommand java() {
        return new JavaCommand();
    }

    public JavaCommand classpath(Path... entries) {
        for (Path entry : entries) {
            classpath.add(entry.toString());
        }
        return this;
    }

    /** Every jar of a lib/ folder, as java's {@code dir/*} wildcard. */
    public JavaCommand libs(Path dir) {
        classpath.add(dir.resolve("*").toString());
        return this;
    }

    public JavaCommand flags(List<String> flags) {
        jvmFlags.addAll(flags);
        return this;
    }

    public JavaCommand flags(String... flags) {
        return flags(List.of(flags));
    }

    public JavaCommand main(String mainClass, List<String> args) {
        this.mainClass = mainClass;
        this.args.addAll(args);
        return this;
    }

    public JavaCommand main(String mainClass, String... args) {
        return main(mainClass, List.of(args));
    }

    public List<String> build() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
