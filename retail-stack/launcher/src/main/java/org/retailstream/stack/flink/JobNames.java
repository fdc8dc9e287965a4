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
package org.retailstream.stack.flink;

import java.util.List;
import java.util.Map;
import org.retailstream.events.topics.RetailTopic;

/** The jobs of the Flink jar as the stack knows them: names, output topics, consumer groups. */
public final class JobNames {

    /** Every job the run command starts by default, in the jar's names. */
    public static final List<String> ALL =
            List.of("category-revenue", "cart-abandonment", "dynamic-pricing", "fraud", "pos-health", "sessions");

    /** The topic each job writes its results to. */
    public static final Map<String, String> OUTPUTS = Map.of(
            "category-revenue", RetailTopic.CATEGORY_REVENUE.topicName(),
            "category-revenue-sql", RetailTopic.CATEGORY_REVENUE.topicName(),
            "cart-abandonment", RetailTopic.CART_ABANDONMENT_ALERTS.topicName(),
            "dynamic-pricing", RetailTopic.PRICE_RECOMMENDATIONS.topicName(),
            "fraud", RetailTopic.FRAUD_ALERTS.topicName(),
            "pos-health", RetailTopic.POS_HEALTH.topicName(),
            "sessions", RetailTopic.USER_SESSIONS.topicName());

    private JobNames() {}

    /** The consumer group of a job's Kafka sources (the jar's default, {@code retail-<job>}). */
    public static String groupOf(String job) {
        return "retail-" + job;
    }
}
