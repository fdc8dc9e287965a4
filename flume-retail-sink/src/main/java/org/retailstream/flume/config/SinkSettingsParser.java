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
package org.retailstream.flume.config;

import static org.retailstream.flume.config.SinkConfigKeys.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flume.Context;
import org.apache.flume.conf.ConfigurationException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.retailstream.events.topics.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates the sink's Flume {@link Context}. Every error names the key that is wrong and
 * says what would be right, and is raised at {@code configure()} time, before any event moves.
 */
public final class SinkSettingsParser {

    private static final Logger LOG = LoggerFactory.getLogger(SinkSettingsParser.class);
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern TEMPLATE = Pattern.compile("%\\{[^}]+}");

    private SinkSettingsParser() {}

    /**
     * @param context the sink's properties
     * @param defaultTransactionalId used when transactions are on and no id is configured
     */
    public static SinkSettings parse(Context context, String defaultTransactionalId) {
        translateLegacyKeys(context);
        String bootstrap = required(context, BOOTSTRAP_SERVERS);
        String topic = context.getString(TOPIC, DEFAULT_TOPIC).trim();
        if (!context.containsKey(TOPIC)) {
            LOG.warn("{} is not set: events without a topic header go to '{}'", TOPIC, DEFAULT_TOPIC);
        }
        Optional<String> fallback = optional(context, TOPIC_FALLBACK);
        boolean templated = TEMPLATE.matcher(topic).find();
        if (templated && fallback.isEmpty()) {
            throw new ConfigurationException(TOPIC + " '" + topic + "' uses %{header} placeholders, so "
                    + TOPIC_FALLBACK + " must name the topic for events that lack those headers");
        }
        int batchSize = positiveInt(context, BATCH_SIZE, DEFAULT_BATCH_SIZE);
        SinkSettings.Enrichment enrichment = enrichment(context);
        Optional<String> keyField = optional(context, KEY_FIELD);
        if (keyField.isPresent() && !enrichment.extractGroups().contains(keyField.get())) {
            throw new ConfigurationException(KEY_FIELD + " '" + keyField.get() + "' is not a named group of "
                    + EXTRACT_REGEX + " (groups: " + enrichment.extractGroups() + ")");
        }
        boolean transactional = bool(context, TRANSACTIONS, DEFAULT_TRANSACTIONS);
        Properties producer = producerProperties(context, bootstrap, transactional, defaultTransactionalId);
        String dlqBase = templated ? fallback.get() : topic;
        return new SinkSettings(
                producer,
                topic,
                fallback,
                batchSize,
                bool(context, ALLOW_TOPIC_OVERRIDE, DEFAULT_ALLOW_TOPIC_OVERRIDE),
                context.getString(TOPIC_HEADER, DEFAULT_TOPIC_HEADER),
                context.getString(KEY_HEADER, DEFAULT_KEY_HEADER),
                keyField,
                optional(context, PARTITION_ID_HEADER),
                optional(context, DEFAULT_PARTITION_ID).map(v -> nonNegativeInt(DEFAULT_PARTITION_ID, v)),
                optional(context, TIMESTAMP_HEADER),
                bool(context, USE_FLUME_EVENT_FORMAT, false),
                withPrefix(context, HEADER_MAPPING_PREFIX),
                enrichment,
                forwarding(context),
                transactional,
                PoisonPolicy.fromConfig(context.getString(POISON_POLICY, DEFAULT_POISON_POLICY)),
                context.getString(DEAD_LETTER_TOPIC, DeadLetters.topicNameFor(dlqBase)),
                positiveInt(context, DEAD_LETTER_MAX_BODY_BYTES, defaultDeadLetterBodyBytes(producer)));
    }

    /** The stock sink still reads its pre-1.7 names; so do we, saying which new key to use. */
    private static void translateLegacyKeys(Context context) {
        legacy(context, LEGACY_BROKER_LIST, BOOTSTRAP_SERVERS);
        legacy(context, LEGACY_TOPIC, TOPIC);
        legacy(context, LEGACY_BATCH_SIZE, BATCH_SIZE);
        legacy(context, LEGACY_REQUIRED_ACKS, PRODUCER_PREFIX + ProducerConfig.ACKS_CONFIG);
    }

    private static void legacy(Context context, String oldKey, String newKey) {
        String value = context.getString(oldKey);
        if (value != null && !context.containsKey(newKey)) {
            LOG.warn("{} is deprecated; use {} instead", oldKey, newKey);
            context.put(newKey, value);
        }
    }

    private static Properties producerProperties(
            Context context, String bootstrap, boolean transactional, String defaultTransactionalId) {
        Properties props = new Properties();
        // Safe defaults: nothing is acknowledged before every in-sync replica has it, and retries
        // cannot duplicate or reorder. The stock sink defaults to acks=1.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // The sink flushes at the end of every channel batch, so one batch can go out as one Kafka
        // batch per partition. With Kafka's 16 KiB default an enriched batch of 1,000 events (about
        // 500 bytes each with their headers) was cut into ten requests per partition.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(DEFAULT_PRODUCER_BATCH_BYTES));
        props.putAll(context.getSubProperties(PRODUCER_PREFIX));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        if (transactional) {
            if ("false".equalsIgnoreCase(props.getProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))) {
                throw new ConfigurationException(TRANSACTIONS + "=true needs an idempotent producer; remove "
                        + PRODUCER_PREFIX + ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG + "=false");
            }
            props.put(
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    context.getString(TRANSACTIONAL_ID, defaultTransactionalId));
        } else {
            props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        }
        return props;
    }

    /** A dead letter must fit where its too-large original did not: half of max.request.size at most. */
    private static int defaultDeadLetterBodyBytes(Properties producer) {
        String maxRequest = producer.getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1048576");
        try {
            return Math.min(DEFAULT_DEAD_LETTER_MAX_BODY_BYTES, Integer.parseInt(maxRequest.trim()) / 2);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(PRODUCER_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG
                    + " must be a number of bytes, got '" + maxRequest + "'");
        }
    }

    private static SinkSettings.Enrichment enrichment(Context context) {
        Optional<Pattern> regex = optional(context, EXTRACT_REGEX).map(SinkSettingsParser::compile);
        List<String> groups = new ArrayList<>();
        regex.ifPresent(p -> {
            Matcher m = NAMED_GROUP.matcher(p.pattern());
            while (m.find()) {
                groups.add(m.group(1));
            }
            if (groups.isEmpty()) {
                throw new ConfigurationException(EXTRACT_REGEX + " has no named groups such as (?<storeId>\\d+); "
                        + "each named group becomes a header");
            }
        });
        return new SinkSettings.Enrichment(
                context.getString(ENRICH_HOST_HEADER, DEFAULT_ENRICH_HOST_HEADER)
                        .trim(),
                context.getString(ENRICH_IP_HEADER, DEFAULT_ENRICH_IP_HEADER).trim(),
                context.getString(ENRICH_INGEST_TIME_HEADER, DEFAULT_ENRICH_INGEST_TIME_HEADER)
                        .trim(),
                context.getString(ENRICH_SINK_HEADER, DEFAULT_ENRICH_SINK_HEADER)
                        .trim(),
                context.getString(ENRICH_EVENT_ID_HEADER, DEFAULT_ENRICH_EVENT_ID_HEADER)
                        .trim(),
                EventIdStrategy.fromConfig(context.getString(ENRICH_EVENT_ID, DEFAULT_ENRICH_EVENT_ID)),
                context.getString(ENRICH_SOURCE_FILE_HEADER, DEFAULT_ENRICH_SOURCE_FILE_HEADER)
                        .trim(),
                withPrefix(context, ENRICH_STATIC_PREFIX),
                regex,
                List.copyOf(groups),
                context.getString(EXTRACT_HEADER_PREFIX, DEFAULT_EXTRACT_HEADER_PREFIX)
                        .trim());
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException(EXTRACT_REGEX + " is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " of '" + regex + "'");
        }
    }

    private static SinkSettings.Forwarding forwarding(Context context) {
        String mode =
                context.getString(FORWARD_HEADERS, DEFAULT_FORWARD_HEADERS).trim();
        if (!mode.equals("all") && !mode.equals("none")) {
            throw new ConfigurationException(FORWARD_HEADERS + " must be all or none, got '" + mode + "'");
        }
        return new SinkSettings.Forwarding(
                mode.equals("all"), list(context, FORWARD_ALLOW), list(context, FORWARD_DENY));
    }

    private static Set<String> list(Context context, String key) {
        Set<String> items = new LinkedHashSet<>();
        optional(context, key).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(items::add));
        return Set.copyOf(items);
    }

    private static Map<String, String> withPrefix(Context context, String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        context.getSubProperties(prefix).forEach((k, v) -> map.put(k.trim(), v.trim()));
        return Map.copyOf(map);
    }

    private static String required(Context context, String key) {
        return optional(context, key)
                .orElseThrow(() -> new ConfigurationException(key + " is required: the Kafka "
                        + "brokers to deliver to, e.g. " + key + " = kafka1:9092,kafka2:9092"));
    }

    private static Optional<String> optional(Context context, String key) {
        String value = context.getString(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static boolean bool(Context context, String key, boolean defaultValue) {
        String value = context.getString(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(key + " must be true or false, got '" + value + "'");
        };
    }

    private static int positiveInt(Context context, String key, int defaultValue) {
        String value = context.getString(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return intAtLeast(key, value, 1, "a whole number from 1");
    }

    private static int nonNegativeInt(String key, String value) {
        return intAtLeast(key, value, 0, "a partition number from 0");
    }

    private static int intAtLeast(String key, String value, int min, String expected) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        throw new ConfigurationException(key + " must be " + expected + ", got '" + value + "'");
    }
}
