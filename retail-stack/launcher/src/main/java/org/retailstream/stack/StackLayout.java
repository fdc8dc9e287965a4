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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Where everything of a run lives: one data folder ({@code ./.retail-stream} by default) holding each
 * part's state (Kafka's log, Flink's checkpoints and savepoints, Flume's channels and tail positions,
 * the simulated shop's log files) and every log; and the runtimes the build assembled.
 *
 * @param data the data folder; a second run reuses it, {@code --fresh} wipes it
 * @param runtimes {@code retail-stack/target/runtimes}: one {@code <host>/lib} per part
 * @param templates the repository's {@code templates/} folder, loaded as shipped
 */
public record StackLayout(Path data, Path runtimes, Path templates) {

    /** Absolute paths: every part runs in a folder of its own. */
    public StackLayout {
        data = data.toAbsolutePath().normalize();
        runtimes = runtimes.toAbsolutePath().normalize();
        templates = templates.toAbsolutePath().normalize();
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public Path log(String part) {
        return logs().resolve(part + ".log");
    }

    public Path home(String part) {
        return data.resolve(part);
    }

    public Path runtimeLib(String host) {
        return runtimes.resolve(host).resolve("lib");
    }

    public Path shopLogs() {
        return data.resolve("shop");
    }

    /** Creates the folders; with {@code fresh}, first deletes whatever an earlier run left. */
    public void prepare(boolean fresh) throws IOException {
        if (fresh && Files.exists(data)) {
            try (var walk = Files.walk(data)) {
                for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
        Files.createDirectories(logs());
        Files.createDirectories(shopLogs());
    }

    /**
     * A log4j2 configuration that sends everything of one part to {@code logs/<part>.log}, so the
     * console carries the summary only. Kafka, Flink, Flume and Spark all log through log4j2.
     */
    public Path log4jConfig(String part) throws IOException {
        Path file = data.resolve("conf").resolve(part + "-log4j2.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "status = warn",
                        "appender.file.type = File",
                        "appender.file.name = file",
                        "appender.file.fileName = " + log(part),
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = %d{ISO8601} %-5p [%t] %c{1.} - %m%n",
                        "rootLogger.level = info",
                        "rootLogger.appenderRef.file.ref = file",
                        // Kafka clients inside each part log every connection at INFO.
                        "logger.kafka.name = org.apache.kafka",
                        "logger.kafka.level = warn",
                        // Flink warns of every metric name used twice in a task (noise that
                        // drowned the log); the metrics themselves are unaffected.
                        "logger.metrics.name = org.apache.flink.metrics.MetricGroup",
                        "logger.metrics.level = error",
                        // Spark logs each micro-batch's plan and progress at INFO (MBs a minute per
                        // job); the jobs' own lines (late rows, start-up) are org.retailstream's.
                        "logger.spark.name = org.apache.spark",
                        "logger.spark.level = warn",
                        ""));
        return file;
    }
}
