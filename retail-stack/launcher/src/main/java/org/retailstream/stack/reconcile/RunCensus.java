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
package org.retailstream.stack.reconcile;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.stack.watch.TopicRange;

/** Counts over what a run wrote, read back from Kafka: its repeats per topic, the latest competitor prices. */
public final class RunCensus {

    private RunCensus() {}

    /**
     * Records between the run's start and {@code ends} that repeat an earlier one, per topic: the Flume
     * topics by event id, competitor_prices by unchanged price, each of {@code outputs} by its identity.
     */
    public static Map<String, Long> repeats(
            String bootstrapServers,
            Map<TopicPartition, Long> runStart,
            Map<TopicPartition, Long> ends,
            Collection<String> outputs) {
        Map<String, Function<ConsumerRecord<byte[], byte[]>, Repeats.Identity>> identities = new LinkedHashMap<>();
        identities.put(RetailTopic.USER_CLICKSTREAM.topicName(), Identities.eventId());
        identities.put(RetailTopic.POS_LOGS.topicName(), Identities.eventId());
        identities.put(RetailTopic.COMPETITOR_PRICES.topicName(), Identities.competitorPrice());
        for (String output : new TreeSet<>(outputs)) {
            RetailTopic.byTopicName(output).ifPresent(topic -> identities.put(output, Identities.output(topic)));
        }
        Map<String, Long> repeats = new LinkedHashMap<>();
        identities.forEach((topic, identity) ->
                repeats.put(topic, Repeats.count(bootstrapServers, runStart, partitionsOf(topic, ends), identity)));
        return repeats;
    }

    /** The latest record of each "competitor/sku" in competitor_prices up to {@code ends}, as "price|availability". */
    public static Map<String, String> latestCompetitorPrices(String bootstrapServers, Map<TopicPartition, Long> ends) {
        Map<String, String> latest = new TreeMap<>();
        Function<ConsumerRecord<byte[], byte[]>, Repeats.Identity> identity = Identities.competitorPrice();
        TopicRange.read(
                bootstrapServers, Map.of(), partitionsOf(RetailTopic.COMPETITOR_PRICES.topicName(), ends), record -> {
                    Repeats.Identity price = identity.apply(record);
                    if (price != null) {
                        latest.put(price.key(), price.value());
                    }
                });
        return latest;
    }

    private static Map<TopicPartition, Long> partitionsOf(String topic, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> ofTopic = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(topic)) {
                ofTopic.put(partition, offset);
            }
        });
        return ofTopic;
    }
}
