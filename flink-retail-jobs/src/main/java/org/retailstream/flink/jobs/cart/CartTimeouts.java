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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.retailstream.events.model.CartAbandonmentAlert;

/**
 * Abandoned carts with keyed state and one event-time timer per change, the shape of Flink's
 * "long ride alerts" exercise: a user's cart is open after a change and abandoned if the watermark
 * reaches the change's time plus the timeout before the next change.
 *
 * <p>Changes are applied in event-time order, as CEP does, because a user's cart updates and
 * checkouts come from two topics and may arrive out of order within the watermark's bound: each
 * change waits in state until the watermark reaches its time (a timer at that time), then it is
 * applied. A timer at time T first checks the deadline (a change exactly at the deadline comes too
 * late, as with CEP's {@code within}), then applies the changes of time T. A cart has one deadline
 * timer at a time, moved when it fires early (the cart changed since), not at every change. A change that arrives
 * behind the watermark is late and goes to the side output (the sources already dead-letter those,
 * see {@code Lateness}; this catches what they cannot see). An abandoned cart is kept for a day of
 * event time after its alert, so a user who comes back continues it, then dropped.
 */
final class CartTimeouts extends KeyedProcessFunction<String, CartChange, CartAbandonmentAlert> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<CartChange> LATE =
            new OutputTag<>("late-cart-changes", TypeInformation.of(CartChange.class));

    private static final long KEEP_ABANDONED_MILLIS = Duration.ofDays(1).toMillis();

    private final long timeoutMillis;
    private final int timeoutMinutes;
    private transient ValueState<CartState> cart;
    private transient MapState<Long, List<CartChange>> waiting;

    CartTimeouts(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
        this.timeoutMinutes = (int) timeout.toMinutes();
    }

    @Override
    public void open(OpenContext context) {
        // No state TTL (it costs a clock read and a wrapper on every access): an open cart always has a
        // deadline, and an abandoned one a clean-up timer a day later.
        cart = getRuntimeContext().getState(new ValueStateDescriptor<>("cart", TypeInformation.of(CartState.class)));
        waiting = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "changes-waiting-for-the-watermark",
                        Types.LONG,
                        Types.LIST(TypeInformation.of(CartChange.class))));
    }

    @Override
    public void processElement(CartChange change, Context context, Collector<CartAbandonmentAlert> out)
            throws Exception {
        if (change.time <= context.timerService().currentWatermark()) {
            context.output(LATE, change);
            return;
        }
        List<CartChange> atTime = waiting.get(change.time);
        if (atTime == null) {
            atTime = new ArrayList<>(1);
            context.timerService().registerEventTimeTimer(change.time);
        }
        atTime.add(change);
        waiting.put(change.time, atTime);
    }

    @Override
    public void onTimer(long time, OnTimerContext context, Collector<CartAbandonmentAlert> out) throws Exception {
        TimerService timers = context.timerService();
        CartState state = cart.value();
        if (state != null && state.deadlineTimer == time) {
            state.deadlineTimer = 0;
            if (state.open && deadline(state) == time) {
                out.collect(AbandonmentAlerts.of(state, timeoutMinutes));
                // Kept for a day of event time in case the user comes back to it, then dropped.
                timers.registerEventTimeTimer(time + KEEP_ABANDONED_MILLIS);
            } else if (state.open) {
                // The cart changed since this deadline was set: one timer per cart, moved lazily,
                // instead of deleting and registering one for every change.
                setDeadline(state, timers);
            }
            cart.update(state);
        } else if (state != null && deadline(state) + KEEP_ABANDONED_MILLIS == time && state.deadlineTimer == 0) {
            cart.clear(); // abandoned a day ago and not touched since
            state = null;
        }
        List<CartChange> changes = waiting.get(time);
        if (changes == null) {
            return; // only a deadline or a clean-up was due
        }
        waiting.remove(time);
        if (state == null) {
            state = new CartState();
        }
        for (CartChange change : changes) {
            state.apply(change);
        }
        if (state.open) {
            if (state.deadlineTimer == 0) {
                setDeadline(state, timers);
            }
            cart.update(state);
        } else {
            cart.clear();
        }
    }

    private void setDeadline(CartState state, TimerService timers) {
        state.deadlineTimer = deadline(state);
        timers.registerEventTimeTimer(state.deadlineTimer);
    }

    private long deadline(CartState state) {
        return state.lastActivityAt + timeoutMillis;
    }
}
