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

import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.CheckoutEvent;

/** Both inputs as cart changes of one user. */
final class CartChanges {

    private CartChanges() {}

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
