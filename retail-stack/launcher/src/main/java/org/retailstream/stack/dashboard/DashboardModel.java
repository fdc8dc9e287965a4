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
package org.retailstream.stack.dashboard;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.FraudAlert;
import org.retailstream.events.model.PosHealthAlert;
import org.retailstream.events.model.PriceRecommendation;
import org.retailstream.events.model.UserSession;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.stack.dashboard.view.AlertFeed;
import org.retailstream.stack.dashboard.view.PosGrid;
import org.retailstream.stack.dashboard.view.PriceBoard;
import org.retailstream.stack.dashboard.view.RevenueView;
import org.retailstream.stack.dashboard.view.SessionStats;
import org.retailstream.stack.watch.OutputListener;
import org.retailstream.stack.watch.PipelineHealth;

/**
 * What the dashboard shows, kept up to date from the committed outputs and the run command's refreshes.
 * The page gets it whole on every change, so a reloaded or reconnected page is at once where it was.
 */
public final class DashboardModel implements OutputListener {

    /** An abandoned cart as the page lists it. */
    public record AbandonedCart(String user, String value, String currency, int items, long lastActivityAt) {}

    /** A fraud alert as the page lists it. */
    public record Fraud(String user, String pattern, String country, String amount, String currency, long detectedAt) {}

    /** Everything the page shows; {@code version} grows with each change. */
    public record State(
            long version,
            RevenueView.Snapshot revenue,
            AlertFeed.Snapshot<AbandonedCart> abandonedCarts,
            AlertFeed.Snapshot<Fraud> fraudAlerts,
            List<PriceBoard.Price> prices,
            List<PosGrid.Terminal> posHealth,
            SessionStats.Snapshot sessions,
            PipelineHealth pipeline) {}

    private final RevenueView revenue = new RevenueView();
    private final AlertFeed<AbandonedCart> carts;
    private final AlertFeed<Fraud> fraud;
    private final PriceBoard prices = new PriceBoard();
    private final PosGrid pos = new PosGrid();
    private final SessionStats sessions = new SessionStats();
    private final AtomicLong version = new AtomicLong();
    private volatile PipelineHealth pipeline = PipelineHealth.NONE;

    public DashboardModel(InstantSource clock) {
        this.carts = new AlertFeed<>(clock);
        this.fraud = new AlertFeed<>(clock);
    }

    @Override
    public void output(String topic, SpecificRecord record) {
        RetailTopic output = RetailTopic.byTopicName(topic).orElse(null);
        if (output == null) {
            return;
        }
        switch (output) {
            case CATEGORY_REVENUE -> revenue.accept((CategoryRevenue) record);
            case CART_ABANDONMENT_ALERTS -> carts.accept(abandonedCart((CartAbandonmentAlert) record));
            case FRAUD_ALERTS -> fraud.accept(fraud((FraudAlert) record));
            case PRICE_RECOMMENDATIONS -> prices.accept((PriceRecommendation) record);
            case POS_HEALTH -> pos.accept((PosHealthAlert) record);
            case USER_SESSIONS -> sessions.accept((UserSession) record);
            default -> {
                return; // not on the page
            }
        }
        version.incrementAndGet();
    }

    /** The run command's latest figures of topics, jobs and the parts' UIs. */
    public void pipeline(PipelineHealth health) {
        this.pipeline = health;
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }

    public State state() {
        long now = version.get();
        return new State(
                now,
                revenue.snapshot(),
                carts.snapshot(),
                fraud.snapshot(),
                prices.snapshot(),
                pos.snapshot(),
                sessions.snapshot(),
                pipeline);
    }

    private static AbandonedCart abandonedCart(CartAbandonmentAlert alert) {
        return new AbandonedCart(
                alert.getUserId(),
                alert.getCartValue().toPlainString(),
                alert.getCurrency(),
                alert.getItems().size(),
                alert.getLastActivityAt().toEpochMilli());
    }

    private static Fraud fraud(FraudAlert alert) {
        return new Fraud(
                alert.getUserId(),
                alert.getPattern(),
                alert.getCountry(),
                alert.getTotalAmount().toPlainString(),
                alert.getCurrency(),
                alert.getDetectedAt().toEpochMilli());
    }
}
