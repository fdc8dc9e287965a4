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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.TimeUtils;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.TopicNames;

/**
 * The options a job runs with: the common ones (brokers, group, parallelism, checkpoints, delivery
 * guarantee, client properties) and the job's own, parsed from {@code --name value} arguments with
 * errors that name the option.
 */
public final class JobSettings {

    private final String job;
    private final Map<String, String> values;

    private JobSettings(String job, Map<String, String> values) {
        this.job = job;
        this.values = values;
    }

    /** Parses {@code --name value} pairs against the common options and the job's. */
    public static JobSettings parse(JobSpec job, List<String> args) {
        Map<String, JobOption> known = new LinkedHashMap<>();
        CommonOptions.ALL.forEach(option -> known.put(option.name(), option));
        job.options().forEach(option -> known.put(option.name(), option));
        Map<String, String> values = new HashMap<>();
        known.values()
                .forEach(option ->
                        values.put(option.name(), option.defaultValue().replace("<job>", job.name())));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'; options look like --name value");
            }
            String name = arg.substring(2);
            String value = null;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException(
                        "Unknown option --" + name + " for job " + job.name() + "; see --help");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("Option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            values.put(name, value);
        }
        return new JobSettings(job.name(), values);
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
                TopicNames.parse(text("topics"), "topics"));
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
