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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.model.FraudAlert;
import org.retailstream.events.model.PosHealthAlert;
import org.retailstream.events.model.PriceRecommendation;
import org.retailstream.events.model.UserSession;
import org.retailstream.events.topics.EnrichmentHeaders;
import org.retailstream.events.topics.RetailTopic;

/** What makes two records of a topic the same event, for {@link Repeats}. */
public final class Identities {

    private Identities() {}

    /** Flume's paths: the sink's retail.event.id (the line's hash), so a line shipped twice is known. */
    public static Function<ConsumerRecord<byte[], byte[]>, Repeats.Identity> eventId() {
        return record -> {
            Header id = record.headers().lastHeader(EnrichmentHeaders.EVENT_ID);
            return id == null ? null : new Repeats.Identity(new String(id.value(), StandardCharsets.UTF_8), "");
        };
    }

    /**
     * A job's output: the window, alert, session or recommendation it stands for; a window emitted again
     * with another amount (allowed lateness) is an update, the same amount again a duplicate.
     */
    public static Function<ConsumerRecord<byte[], byte[]>, Repeats.Identity> output(RetailTopic topic) {
        EventCodec<? extends SpecificRecord> codec = EventCodec.forTopic(topic);
        return record -> {
            SpecificRecord value;
            try {
                value = codec.decode(record.value());
            } catch (RuntimeException undecodable) {
                return null; // the watcher already logged it; not a duplicate
            }
            return switch (value) {
                case CategoryRevenue window ->
                    new Repeats.Identity(
                            window.getCategory() + "@" + window.getWindowStart(), plain(window.getRevenue()));
                case CartAbandonmentAlert alert -> new Repeats.Identity(alert.getAlertId(), "");
                case FraudAlert alert -> new Repeats.Identity(alert.getAlertId(), "");
                case UserSession session -> new Repeats.Identity(session.getSessionId(), "");
                case PosHealthAlert health ->
                    new Repeats.Identity(
                            health.getStoreId() + "/" + health.getTerminalId() + "@" + health.getWindowStart(),
                            health.getStatus().name());
                case PriceRecommendation price ->
                    new Repeats.Identity(
                            price.getSku() + "@" + price.getRecommendedAt(), plain(price.getRecommendedPrice()));
                default -> throw new IllegalArgumentException("Not a job output: " + topic);
            };
        };
    }

    /** competitor_prices: a SKU's price and availability emitted again unchanged (the poller emits changes). */
    public static Function<ConsumerRecord<byte[], byte[]>, Repeats.Identity> competitorPrice() {
        EventCodec<CompetitorPrice> codec = EventCodec.forTopic(RetailTopic.COMPETITOR_PRICES, CompetitorPrice.class);
        return record -> {
            CompetitorPrice price;
            try {
                price = codec.decode(record.value());
            } catch (RuntimeException undecodable) {
                return null; // a dead letter's business, not a duplicate
            }
            return new Repeats.Identity(price.getCompetitor() + "/" + price.getSku(), priceAndAvailability(price));
        };
    }

    /** As the simulated API writes it: "12.5|in_stock". */
    public static String priceAndAvailability(CompetitorPrice price) {
        return plain(price.getPrice()) + "|" + price.getAvailability().name().toLowerCase(Locale.ROOT);
    }

    /** A decimal without trailing zeros, so 12.5000 and 12.50 are the same price. */
    public static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
