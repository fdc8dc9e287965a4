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
package org.retailstream.events.topics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Kafka topic a job (Flink or Spark) uses for each topic of the catalogue: the catalogue's own name unless renamed
 * with {@code --topics checkout_events=shop.checkouts,category_revenue=shop.revenue}. Dead letters of
 * a renamed input go to {@code <its name>_dlq}.
 */
public final class TopicNames implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Kafka's legal topic name characters. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final Map<String, String> renamed;

    private TopicNames(Map<String, String> renamed) {
        this.renamed = Map.copyOf(renamed);
    }

    public static TopicNames catalogue() {
        return new TopicNames(Map.of());
    }

    /**
     * Parses {@code name=actual[,name=actual]}; an error names the entry and the catalogue's names.
     *
     * @param option the option's name, for the error messages
     */
    public static TopicNames parse(String spec, String option) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry.trim() : entry.substring(0, equals).trim();
            String actual = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (Arrays.stream(RetailTopic.values())
                    .noneMatch(topic -> topic.topicName().equals(name))) {
                throw new IllegalArgumentException("--" + option + ": '" + name + "' is not a topic of the catalogue ("
                        + Arrays.stream(RetailTopic.values())
                                .map(RetailTopic::topicName)
                                .collect(Collectors.joining(", "))
                        + ")");
            }
            if (!LEGAL.matcher(actual).matches()) {
                throw new IllegalArgumentException("--" + option + ": '" + entry.trim()
                        + "' must be name=actual with a Kafka topic name (letters, digits, '.', '_', '-')");
            }
            renamed.put(name, actual);
        }
        return new TopicNames(renamed);
    }

    /** The Kafka topic this job uses for {@code topic}. */
    public String of(RetailTopic topic) {
        return actual(topic.topicName());
    }

    /** The Kafka topic for a catalogue name; any other name is returned as it is. */
    public String actual(String name) {
        return renamed.getOrDefault(name, name);
    }
}
