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

import java.math.RoundingMode;
import java.time.Instant;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.model.CartItem;

/** The alert for a cart left open past the timeout, with its items and value. */
final class AbandonmentAlerts {

    private AbandonmentAlerts() {}

    static CartAbandonmentAlert of(CartState cart, int timeoutMinutes) {
        return CartAbandonmentAlert.newBuilder()
                // A user who comes back continues the cart (same first add): if it is left again, that is a
                // second alert, told apart by its last activity; the same input still gives the same id.
                .setAlertId(cart.userId + "-" + cart.firstAddedAt + "-" + cart.lastActivityAt)
                .setUserId(cart.userId)
                .setCartId(cart.cartId)
                .setFirstAddedAt(Instant.ofEpochMilli(cart.firstAddedAt))
                .setLastActivityAt(Instant.ofEpochMilli(cart.lastActivityAt))
                .setTimeoutMinutes(timeoutMinutes)
                .setItems(cart.lines.stream()
                        .map(line -> CartItem.newBuilder()
                                .setSku(line.sku)
                                .setCategory(line.category)
                                .setQuantity(line.quantity)
                                .setUnitPrice(
                                        line.unitPrice == null
                                                ? null
                                                : line.unitPrice.setScale(4, RoundingMode.UNNECESSARY))
                                .build())
                        .toList())
                .setCartValue(cart.value().setScale(4, RoundingMode.UNNECESSARY))
                .setCurrency(cart.currency == null ? "XXX" : cart.currency)
                .build();
    }
}
