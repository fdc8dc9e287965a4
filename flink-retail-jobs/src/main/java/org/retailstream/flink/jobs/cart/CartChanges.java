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
package org.retailstream.flink.jobs.cart;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.Lateness;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSources;

/** Both inputs as cart changes of one user. */
final class CartChanges {

    private CartChanges() {}

    /**
     * The job's two inputs as one stream of changes. A change behind the watermark can no longer be put
     * in order: it goes to its topic's dead letters as it was read.
     */
    static DataStream<CartChange> read(StreamExecutionEnvironment env, JobSettings settings) {
        DataStream<CartChange> updates = JobSources.read(
                        env,
                        settings,
                        RetailTopic.CART_UPDATES,
                        CartUpdate.class,
                        update -> update.getEventTime().toEpochMilli(),
                        Lateness.behindTheWatermark())
                .map(CartChanges::fromUpdate)
                .name("cart changes")
                .uid("cart-changes");
        DataStream<CartChange> checkouts = JobSources.read(
                        env,
                        settings,
                        RetailTopic.CHECKOUT_EVENTS,
                        CheckoutEvent.class,
                        checkout -> checkout.getEventTime().toEpochMilli(),
                        Lateness.behindTheWatermark())
                .map(CartChanges::fromCheckout)
                .name("checkouts as cart changes")
                .uid("checkout-changes");
        return updates.union(checkouts);
    }

    static CartChange fromUpdate(CartUpdate update) {
        CartChange.Kind kind =
                switch (update.getAction()) {
                    case ADD -> CartChange.Kind.ADD;
                    case REMOVE -> CartChange.Kind.REMOVE;
                    case CLEAR -> CartChange.Kind.CLEAR;
                    // An action this job does not know (a newer schema's) still counts as activity.
                    case UNKNOWN -> CartChange.Kind.ADD;
                };
        CartChange change = CartChange.of(
                update.getUserId(), update.getCartId(), update.getEventTime().toEpochMilli(), kind);
        change.sku = update.getSku();
        change.category = update.getCategory();
        change.quantity = update.getQuantity();
        change.unitPrice = update.getUnitPrice();
        change.currency = update.getCurrency();
        return change;
    }

    static CartChange fromCheckout(CheckoutEvent checkout) {
        return CartChange.of(
                checkout.getUserId(),
                checkout.getCartId(),
                checkout.getEventTime().toEpochMilli(),
                CartChange.Kind.CHECKOUT);
    }
}
