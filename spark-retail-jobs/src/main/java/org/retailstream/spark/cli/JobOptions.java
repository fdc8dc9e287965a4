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
package org.retailstream.spark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.retailstream.events.topics.TopicNames;
import org.retailstream.spark.connect.LateRows;
import org.retailstream.spark.jobs.SparkJobSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every Spark job takes, named as the Flink jar names them. */
final class JobOptions {

    @Option(
            names = "--bootstrap-servers",
            required = true,
            description = "Kafka's bootstrap servers, host:port[,host:port...].")
    String bootstrapServers;

    @Option(
            names = "--checkpoint-dir",
            required = true,
            description = "Where the job's queries keep their offsets and state (one folder per query);"
                    + " a restart with the same folder continues where the job stopped.")
    Path checkpointDir;

    @Option(
            names = "--starting-offsets",
            defaultValue = "latest",
            description = "Where a query's first start reads from: earliest or latest (default: ${DEFAULT-VALUE});"
                    + " a restart continues from its checkpoint.")
    String startingOffsets;

    @Option(
            names = "--client-properties",
            description = "A properties file of Kafka client settings (security.protocol, sasl.*, ssl.*) for every"
                    + " consumer and producer.")
    Path clientProperties;

    @Option(
            names = "--topics",
            defaultValue = "",
            description = "Renames the catalogue's topics, as in the Flink jar: checkout_events=shop.checkouts,"
                    + "category_revenue=shop.revenue (dead letters of a renamed input go to <its name>_dlq)."
                    + " Default: the catalogue's names.")
    String topics;

    @Option(
            names = "--out-of-orderness",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How late an event may arrive behind the newest one: the watermark's delay"
                    + " (default: ${DEFAULT-VALUE}). Later events are dropped, counted and logged per batch.")
    Duration outOfOrderness;

    /** Starts a job's queries on the session spark-submit set up. */
    @FunctionalInterface
    interface JobStart {
        List<StreamingQuery> start(SparkSession spark, SparkJobSettings settings) throws TimeoutException;
    }

    /**
     * Runs job {@code name} until one of its queries ends: options checked first (a usage error exits 2
     * before Spark starts), then the session, the late-row listener and the job's queries.
     */
    int run(CommandSpec spec, String name, JobStart job) throws IOException, TimeoutException, StreamingQueryException {
        SparkJobSettings settings = settings(spec);
        SparkSession spark = SparkSession.builder().appName("retail " + name).getOrCreate();
        spark.streams().addListener(new LateRows());
        List<StreamingQuery> queries = job.start(spark, settings);
        System.out.println(
                name + ": started " + queries.size() + " queries, checkpoints in " + settings.checkpointDir());
        spark.streams().awaitAnyTermination();
        return 0;
    }

    /** The settings, or a usage error (exit code 2) that names the option. */
    SparkJobSettings settings(CommandSpec spec) throws IOException {
        try {
            return settings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private SparkJobSettings settings() throws IOException {
        if (!startingOffsets.equals("earliest") && !startingOffsets.equals("latest")) {
            throw new IllegalArgumentException(
                    "--starting-offsets must be earliest or latest, got '" + startingOffsets + "'");
        }
        Map<String, String> client = new TreeMap<>();
        if (clientProperties != null) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(clientProperties)) {
                properties.load(in);
            }
            properties.stringPropertyNames().forEach(name -> client.put(name, properties.getProperty(name)));
        }
        return new SparkJobSettings(
                bootstrapServers,
                checkpointDir,
                startingOffsets,
                client,
                outOfOrderness,
                TopicNames.parse(topics, "topics"));
    }

    /** 500ms, 5s, 2min, 1h, or ISO-8601 (PT5S), as the Flink jar takes durations. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String value = text.trim();
            if (value.startsWith("P") || value.startsWith("p")) {
                return Duration.parse(value);
            }
            java.util.regex.Matcher matcher =
                    java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|min|h)").matcher(value);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a duration (500ms, 5s, 2min, 1h or PT5S): " + text);
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "min" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
    }
}
