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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A user's cart after a change: what abandonment is decided on. */
public class CartState {

    public String userId;
    public String cartId;
    public String currency;
    public long firstAddedAt;
    public long lastActivityAt;
    public List<CartLine> lines = new ArrayList<>();
    /** False for a checkout or a cleared cart: the cart was closed by this change. */
    public boolean open;
    /** When the timer that checks this cart's deadline fires (0: none set); see {@code CartTimeouts}. */
    public long deadlineTimer;

    public CartState() {}

    /** Applies one change: a checkout or a clear closes the cart. */
    void apply(CartChange change) {
        if (userId == null) {
            userId = change.userId;
        }
        switch (change.kind) {
            case ADD -> add(change);
            case REMOVE -> lines.removeIf(line -> line.sku.equals(change.sku));
            case CLEAR, CHECKOUT -> lines = new ArrayList<>();
        }
        lastActivityAt = change.time;
        open = !isEmpty();
        if (change.cartId != null) {
            cartId = change.cartId;
        }
    }

    private void add(CartChange change) {
        if (isEmpty()) {
            firstAddedAt = change.time;
        }
        currency = change.currency;
        for (CartLine line : lines) {
            if (line.sku.equals(change.sku)) {
                line.quantity += change.quantity;
                return;
            }
        }
        lines.add(new CartLine(change.sku, change.category, change.quantity, change.unitPrice));
    }

    CartState copy() {
        CartState copy = new CartState();
        copy.userId = userId;
        copy.cartId = cartId;
        copy.currency = currency;
        copy.firstAddedAt = firstAddedAt;
        copy.lastActivityAt = lastActivityAt;
        copy.open = open;
        copy.deadlineTimer = deadlineTimer;
        lines.forEach(line -> copy.lines.add(new CartLine(line.sku, line.category, line.quantity, line.unitPrice)));
        return copy;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    BigDecimal value() {
        BigDecimal value = BigDecimal.ZERO;
        for (CartLine line : lines) {
            if (line.unitPrice != null) {
                value = value.add(line.unitPrice.multiply(BigDecimal.valueOf(line.quantity)));
            }
        }
        return value;
    }
}
