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
package org.retailstream.flume.route;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.retailstream.flume.config.SinkSettings;

/**
 * Decides topic, partition, key and timestamp of an event, with the stock KafkaSink's rules: the
 * topic header overrides the topic (if allowed); the partition header wins over the default
 * partition; the key comes from the key header, or from an extracted body field if configured.
 */
public final class EventRouter {

    private final SinkSettings settings;
    private final TopicTemplate topic;

    public EventRouter(SinkSettings settings) {
        this.settings = settings;
        this.topic = new TopicTemplate(settings.topicTemplate());
    }

    /**
     * @throws InvalidEventException if a routing header holds something unusable
     */
    public Route route(Map<String, String> headers, Map<String, String> fields) {
        return new Route(topicOf(headers), partitionOf(headers), keyOf(headers, fields), timestampOf(headers));
    }

    private String topicOf(Map<String, String> headers) {
        if (settings.allowTopicOverride()) {
            String override = headers.get(settings.topicHeader());
            if (override != null && !override.isEmpty()) {
                return override;
            }
        }
        String resolved = topic.resolve(headers);
        return resolved != null ? resolved : settings.topicFallback().orElseThrow();
    }

    private Integer partitionOf(Map<String, String> headers) {
        if (settings.partitionIdHeader().isPresent()) {
            String value = headers.get(settings.partitionIdHeader().get());
            if (value != null) {
                try {
                    return Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidEventException(
                            "header " + settings.partitionIdHeader().get() + " must hold a partition number, got '"
                                    + value + "'");
                }
            }
        }
        return settings.defaultPartitionId().orElse(null);
    }

    private byte[] keyOf(Map<String, String> headers, Map<String, String> fields) {
        String key = settings.keyField().map(fields::get).orElse(null);
        if (key == null) {
            key = headers.get(settings.keyHeader());
        }
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    private Long timestampOf(Map<String, String> headers) {
        if (settings.timestampHeader().isEmpty()) {
            return null;
        }
        String value = headers.get(settings.timestampHeader().get());
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidEventException("header "
                    + settings.timestampHeader().get() + " must hold epoch milliseconds, got '" + value + "'");
        }
    }
}
