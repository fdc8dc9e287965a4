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
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.retailstream.flink.job.StateExpiry;

/**
 * For the CEP variant: keeps each user's cart (per user key) and emits its state after every change.
 * A checkout or a clear closes the cart; the state of a cart nobody touched for a day expires.
 */
final class CartTracker extends KeyedProcessFunction<String, CartChange, CartState> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<CartState> cart;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
        ValueStateDescriptor<CartState> descriptor =
                new ValueStateDescriptor<>("cart", TypeInformation.of(CartState.class));
        descriptor.enableTimeToLive(StateExpiry.after(Duration.ofDays(1)));
        cart = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(CartChange change, Context context, Collector<CartState> out) throws Exception {
        CartState state = cart.value();
        if (state == null) {
            state = new CartState();
        }
        state.apply(change);
        out.collect(state.copy());
        if (state.open) {
            cart.update(state);
        } else {
            cart.clear();
        }
    }
}
