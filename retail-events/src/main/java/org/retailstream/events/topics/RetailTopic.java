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

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.model.FraudAlert;
import org.retailstream.events.model.InventoryUpdate;
import org.retailstream.events.model.PosHealthAlert;
import org.retailstream.events.model.PosLogEntry;
import org.retailstream.events.model.PriceRecommendation;
import org.retailstream.events.model.PriceRuleUpdate;
import org.retailstream.events.model.PricedCartUpdate;
import org.retailstream.events.model.UserSession;
import org.retailstream.events.model.WeatherObservation;

/**
 * The topic catalogue: every topic of the bundle, what it carries and how it should be provisioned.
 *
 * <p>This enum is the single source of truth for topic names; producers, jobs, tests and the
 * provisioning command all read it. Every topic has a dead-letter companion, see {@link DeadLetters}.
 */
public enum RetailTopic {
    USER_CLICKSTREAM(
            "user_clickstream",
            TopicRole.INPUT,
            "Web shop page views, searches and add-to-cart clicks.",
            "user_id",
            ClickEvent.class,
            12,
            Duration.ofDays(7)),
    CART_UPDATES(
            "cart_updates",
            TopicRole.INPUT,
            "Items added to and removed from carts.",
            "user_id",
            CartUpdate.class,
            6,
            Duration.ofDays(7)),
    CHECKOUT_EVENTS(
            "checkout_events",
            TopicRole.INPUT,
            "Checkouts and payment attempts with their order lines.",
            "user_id",
            CheckoutEvent.class,
            6,
            Duration.ofDays(30)),
    INVENTORY_UPDATES(
            "inventory_updates",
            TopicRole.INPUT,
            "Stock level changes per SKU and store.",
            "sku",
            InventoryUpdate.class,
            6,
            Duration.ofDays(7)),
    PRICE_RULES_UPDATE(
            "price_rules_update",
            TopicRole.INPUT,
            "Admin pricing rules (floor, ceiling, undercut, weather uplift); compacted per rule.",
            "rule_id",
            PriceRuleUpdate.class,
            1,
            Duration.ZERO),
    COMPETITOR_PRICES(
            "competitor_prices",
            TopicRole.INPUT,
            "Competitor prices polled by the NiFi GetCompetitorPrices processor.",
            "sku",
            CompetitorPrice.class,
            6,
            Duration.ofDays(14)),
    WEATHER_OBSERVATIONS(
            "weather_observations",
            TopicRole.INPUT,
            "Current weather per store location polled by the NiFi GetWeatherObservations processor.",
            "location_id",
            WeatherObservation.class,
            3,
            Duration.ofDays(7)),
    POS_LOGS(
            "pos_logs",
            TopicRole.INPUT,
            "Raw point-of-sale log lines shipped by the Flume sink, with enrichment headers.",
            "store_id",
            PosLogEntry.class,
            12,
            Duration.ofDays(3)),
    CART_ABANDONMENT_ALERTS(
            "cart_abandonment_alerts",
            TopicRole.JOB_OUTPUT,
            "Carts left without checkout within the timeout (job cart-abandonment).",
            "user_id",
            CartAbandonmentAlert.class,
            3,
            Duration.ofDays(30)),
    CATEGORY_REVENUE(
            "category_revenue",
            TopicRole.JOB_OUTPUT,
            "Revenue and order count per category per minute (job category-revenue).",
            "category",
            CategoryRevenue.class,
            3,
            Duration.ofDays(30)),
    PRICE_RECOMMENDATIONS(
            "price_recommendations",
            TopicRole.JOB_OUTPUT,
            "Recommended prices per SKU with the reason (job dynamic-pricing).",
            "sku",
            PriceRecommendation.class,
            3,
            Duration.ofDays(30)),
    USER_SESSIONS(
            "user_sessions",
            TopicRole.JOB_OUTPUT,
            "Clickstream sessions with pages, duration and conversion (job sessions).",
            "user_id",
            UserSession.class,
            3,
            Duration.ofDays(30)),
    FRAUD_ALERTS(
            "fraud_alerts",
            TopicRole.JOB_OUTPUT,
            "Suspicious payment patterns with the matched events (job fraud).",
            "user_id",
            FraudAlert.class,
            3,
            Duration.ofDays(90)),
    POS_HEALTH(
            "pos_health",
            TopicRole.JOB_OUTPUT,
            "Error rate and silence alerts per store and terminal (job pos-health).",
            "store_id",
            PosHealthAlert.class,
            3,
            Duration.ofDays(30)),
    PRICED_CART_UPDATES(
            "priced_cart_updates",
            TopicRole.JOB_OUTPUT,
            "Cart changes joined with the SKU's cheapest competitor price and stock (Spark job cart-pricing-join).",
            "user_id",
            PricedCartUpdate.class,
            3,
            Duration.ofDays(7));

    /** Replication recommended for production clusters; the provisioner lowers it on smaller clusters. */
    public static final short RECOMMENDED_REPLICATION_FACTOR = 3;

    private final String topicName;
    private final TopicRole role;
    private final String purpose;
    private final String keyField;
    private final Class<? extends SpecificRecord> valueClass;
    private final int partitions;
    private final Duration retention;

    RetailTopic(
            String topicName,
            TopicRole role,
            String purpose,
            String keyField,
            Class<? extends SpecificRecord> valueClass,
            int partitions,
            Duration retention) {
        this.topicName = topicName;
        this.role = role;
        this.purpose = purpose;
        this.keyField = keyField;
        this.valueClass = valueClass;
        this.partitions = partitions;
        this.retention = retention;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    public TopicRole role() {
        return role;
    }

    /** One sentence on what the topic carries. */
    public String purpose() {
        return purpose;
    }

    /** The value field used as record key, so one entity's events stay in order in one partition. */
    public String keyField() {
        return keyField;
    }

    /** The generated Avro class of the topic's values (for pos_logs: the parsed view of a raw line). */
    public Class<? extends SpecificRecord> valueClass() {
        return valueClass;
    }

    public Schema valueSchema() {
        return SpecificData.getForClass(valueClass).getSchema(valueClass);
    }

    /**
     * True when values are plain text lines rather than encoded records: pos_logs carries the log
     * line exactly as the Flume sink shipped it; consumers parse it into {@link PosLogEntry}.
     */
    public boolean carriesRawText() {
        return this == POS_LOGS;
    }

    /** Recommended partition count: sized for the expected volume and consumer parallelism. */
    public int partitions() {
        return partitions;
    }

    /**
     * Recommended retention ({@code retention.ms}); {@link Duration#ZERO} means the topic is
     * compacted instead (latest value per key kept forever).
     */
    public Duration retention() {
        return retention;
    }

    public boolean compacted() {
        return retention.isZero();
    }

    /** Name of the dead-letter topic for records of this topic that cannot be decoded or delivered. */
    public String deadLetterTopicName() {
        return DeadLetters.topicNameFor(topicName);
    }

    /** Looks a topic up by its Kafka name. */
    public static Optional<RetailTopic> byTopicName(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst();
    }
}
