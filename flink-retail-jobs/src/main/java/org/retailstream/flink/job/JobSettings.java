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
package org.retailstream.flink.job;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.TimeUtils;
import org.retailstream.events.topics.TopicNames;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.StartingOffsets;

/**
 * The options a job runs with: the common ones (brokers, group, parallelism, checkpoints, delivery
 * guarantee, client properties) and the job's own, typed on use with errors that name the option.
 */
public final class JobSettings {

    private final String job;
    private final Map<String, String> values;

    private JobSettings(String job, Map<String, String> values) {
        this.job = job;
        this.values = values;
    }

    /**
     * Parses the arguments of one run of {@code job} (see {@link JobCommandLine}).
     *
     * @throws IllegalArgumentException naming the option that is unknown, lacks its value or is refused
     */
    public static JobSettings parse(JobSpec job, List<String> args) {
        return new JobSettings(job.name(), JobCommandLine.parse(job, args));
    }

    /** The settings of values already parsed by the jar's command line. */
    public static JobSettings of(JobSpec job, Map<String, String> values) {
        return new JobSettings(job.name(), Map.copyOf(values));
    }

    public String job() {
        return job;
    }

    /** Name of the job's stage in dead-letter headers. */
    public String stage() {
        return "flink:" + job;
    }

    public String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("No option --" + name + " in job " + job);
        }
        return value;
    }

    public int integer(String name) {
        try {
            return Integer.parseInt(text(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text(name) + "'");
        }
    }

    public double decimal(String name) {
        try {
            return Double.parseDouble(text(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + text(name) + "'");
        }
    }

    public Duration duration(String name) {
        try {
            return TimeUtils.parseDuration(text(name).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--" + name + " must be a duration such as 30s, 5min or 1h, got '" + text(name) + "'");
        }
    }

    public boolean flag(String name) {
        String value = text(name).trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    public boolean bounded() {
        return flag("bounded");
    }

    public KafkaOptions kafka() {
        return new KafkaOptions(
                text("bootstrap-servers"),
                text("group-id"),
                clientProperties(),
                deliveryGuarantee(),
                text("transactional-id-prefix"),
                duration("out-of-orderness"),
                duration("idleness"),
                flag("watermark-per-event"),
                duration("watermark-alignment"),
                TopicNames.parse(text("topics"), "topics"),
                StartingOffsets.parse(text("starting-offsets"), "starting-offsets"));
    }

    private DeliveryGuarantee deliveryGuarantee() {
        return switch (text("delivery-guarantee").trim()) {
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            case "none" -> DeliveryGuarantee.NONE;
            default ->
                throw new IllegalArgumentException(
                        "--delivery-guarantee must be exactly-once, at-least-once or none, got '"
                                + text("delivery-guarantee") + "'");
        };
    }

    private Properties clientProperties() {
        Properties properties = new Properties();
        String file = text("client-properties").trim();
        if (!file.isEmpty()) {
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "--client-properties: cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }
}
