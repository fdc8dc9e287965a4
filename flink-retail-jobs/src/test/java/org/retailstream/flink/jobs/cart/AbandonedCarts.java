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

import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.functions.TimedOutPartialMatchHandler;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.retailstream.events.model.CartAbandonmentAlert;

/**
 * Turns a timed-out partial match (an open cart with no later change within the timeout) into an
 * alert; complete matches (the cart changed again in time) are what the pattern is for, and are dropped.
 */
final class AbandonedCarts extends PatternProcessFunction<CartState, Void>
        implements TimedOutPartialMatchHandler<CartState> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<CartAbandonmentAlert> ALERTS = new OutputTag<>(
            "abandoned-carts", org.retailstream.flink.connect.EventTypeInfo.forEvent(CartAbandonmentAlert.class));

    private final int timeoutMinutes;

    AbandonedCarts(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    @Override
    public void processMatch(Map<String, List<CartState>> match, Context context, Collector<Void> out) {
        // The cart changed again within the timeout: not abandoned (yet).
    }

    @Override
    public void processTimedOutMatch(Map<String, List<CartState>> match, Context context) {
        CartState cart = match.get(CepCartAbandonmentJob.LAST_CHANGE).get(0);
        context.output(ALERTS, AbandonmentAlerts.of(cart, timeoutMinutes));
    }
}
