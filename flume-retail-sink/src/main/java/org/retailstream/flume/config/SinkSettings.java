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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated configuration of one sink. Built by {@link SinkSettingsParser}; immutable.
 *
 * @param producer Kafka producer properties (bootstrap servers, safe defaults, pass-through settings)
 * @param topicTemplate topic or {@code %{header}} template
 * @param topicFallback topic for events whose template header is missing
 * @param batchSize events per channel transaction
 * @param allowTopicOverride whether {@code topicHeader} may override the topic
 * @param topicHeader header that overrides the topic
 * @param keyHeader header holding the record key
 * @param keyField extracted regex group holding the record key (wins over keyHeader)
 * @param partitionIdHeader header with a partition number
 * @param defaultPartitionId partition for events without a partition header
 * @param timestampHeader header holding the record timestamp (epoch ms)
 * @param useFlumeEventFormat write Flume's Avro event format instead of the body
 * @param headerMappings Flume header name to Kafka header name ({@code header.X = Y})
 * @param enrichment which enrichment headers to add, and how
 * @param forwarding which Flume headers become Kafka headers
 * @param transactional one Kafka transaction per Flume transaction
 * @param poisonPolicy what to do with events Kafka will never accept
 * @param deadLetterTopic where poison events go under {@link PoisonPolicy#DEAD_LETTER}
 * @param deadLetterMaxBodyBytes body bytes copied into a dead letter at most
 */
public record SinkSettings(
        Properties producer,
        String topicTemplate,
        Optional<String> topicFallback,
        int batchSize,
        boolean allowTopicOverride,
        String topicHeader,
        String keyHeader,
        Optional<String> keyField,
        Optional<String> partitionIdHeader,
        Optional<Integer> defaultPartitionId,
        Optional<String> timestampHeader,
        boolean useFlumeEventFormat,
        Map<String, String> headerMappings,
        Enrichment enrichment,
        Forwarding forwarding,
        boolean transactional,
        PoisonPolicy poisonPolicy,
        String deadLetterTopic,
        int deadLetterMaxBodyBytes) {

    /**
     * Enrichment headers; an empty header name disables that header.
     *
     * @param hostHeader agent host name
     * @param ipHeader agent IP address
     * @param ingestTimeHeader time the sink took the event
     * @param sinkHeader {@code <agent>.<sink>}
     * @param eventIdHeader unique event id
     * @param eventId how the event id is made
     * @param sourceFileHeader source file name from Flume's basename/file headers
     * @param staticHeaders constant headers
     * @param extractRegex regex with named groups applied to the body
     * @param extractGroups the regex's group names, in order
     * @param extractHeaderPrefix prefix of the extracted headers' names
     */
    public record Enrichment(
            String hostHeader,
            String ipHeader,
            String ingestTimeHeader,
            String sinkHeader,
            String eventIdHeader,
            EventIdStrategy eventId,
            String sourceFileHeader,
            Map<String, String> staticHeaders,
            Optional<Pattern> extractRegex,
            List<String> extractGroups,
            String extractHeaderPrefix) {}

    /**
     * Which Flume headers are forwarded as Kafka headers.
     *
     * @param all forward every header unless denied ({@code headers.forward=all}); else none
     * @param allow if not empty, only these
     * @param deny never these
     */
    public record Forwarding(boolean all, Set<String> allow, Set<String> deny) {

        public boolean forwards(String header) {
            if (deny.contains(header)) {
                return false;
            }
            return allow.isEmpty() ? all : allow.contains(header);
        }
    }
}
