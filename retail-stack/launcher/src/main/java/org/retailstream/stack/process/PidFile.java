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
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The processes a run started, one pid a line in {@code <data>/run.pids}: a launcher killed with
 * SIGKILL cannot stop its parts, so the next run on the same data folder ends them before it starts.
 * No logging here: it runs before the data folder, and so the launcher's log, is set up.
 */
public final class PidFile {

    private final Path file;

    public PidFile(Path dataDir) {
        this.file = dataDir.resolve("run.pids");
    }

    /** Kills what an earlier run on this data folder left running; returns how many there were. */
    public int killLeftovers() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int killed = 0;
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ", 2);
            var handle = ProcessHandle.of(Long.parseLong(parts[0]));
            if (handle.isPresent() && handle.get().isAlive() && isJava(handle.get())) {
                handle.get().destroyForcibly();
                try {
                    handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception stillDying) {
                    // a process that ignores SIGKILL for 30 s: the port check that follows names it
                }
                killed++;
            }
        }
        Files.delete(file);
        return killed;
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("java")).orElse(false);
    }

    public void add(ChildProcess process) throws IOException {
        Files.writeString(
                file,
                process.pid() + " " + process.name() + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
