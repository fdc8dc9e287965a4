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
package org.retailstream.stack.drill;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.retailstream.stack.apis.CompetitorPriceApi;

/** What a drill may do to the running stack, and ask of it: each fault is a real one on a real process. */
public interface StackParts {

    /** kill -9 of the Flink TaskManager; returns its pid. */
    long killTaskManager();

    /** Starts a new TaskManager and waits until it registered its slots. */
    void startTaskManager() throws Exception;

    /** Stops every Kafka broker (SIGTERM, as an operator's restart does); returns the first one's pid. */
    long stopKafka();

    /** Starts the brokers again on their data folders and ports. */
    void startKafka() throws Exception;

    /** kill -9 of Kafka node {@code nodeId} (1-based), for good; returns its pid. */
    long killBroker(int nodeId);

    /** How many Kafka brokers the stack runs. */
    int brokers();

    /** kill -9 of the Flume agent {@code name}; returns its pid. */
    long killFlumeAgent(String name);

    /** Starts the agent {@code name} again with the same configuration, channel and positions. */
    void startFlumeAgent(String name) throws Exception;

    /** Stops NiFi (SIGTERM, as an operator's restart does); returns its pid. */
    long stopNiFi();

    /** Starts NiFi again on the same folder, and waits for its API. */
    void startNiFi() throws Exception;

    CompetitorPriceApi competitorApi();

    /** Every job is RUNNING and has committed something. */
    boolean steady() throws Exception;

    /** The end offsets of every topic now. */
    Map<TopicPartition, Long> ends() throws Exception;

    /** Log lines the shop and the terminals have written so far, per log. */
    Map<String, Long> linesWritten();

    /**
     * Every job is RUNNING and has committed its inputs up to {@code ends}, and Flume has delivered every
     * line of {@code lines}: the pipeline has caught up with what existed then.
     */
    boolean caughtUp(Map<TopicPartition, Long> ends, Map<String, Long> lines) throws Exception;

    /** The latest record of each "competitor/sku" in competitor_prices, as "price|availability". */
    Map<String, String> latestCompetitorPrices() throws Exception;

    /** No gap: competitor_prices holds what every competitor answers now, for every SKU. */
    default boolean competitorPricesCurrent() throws Exception {
        return competitorApi().currentPrices().equals(latestCompetitorPrices());
    }
}
