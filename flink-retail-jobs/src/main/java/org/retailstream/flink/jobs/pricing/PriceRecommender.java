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
package org.retailstream.flink.jobs.pricing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.retailstream.events.model.PriceRecommendation;
import org.retailstream.flink.job.StateExpiry;

/**
 * Keeps each SKU's signals (keyed) and the rules and store weather (broadcast), and re-prices a SKU
 * whenever something it depends on changes: its own signals, or any rule or weather change (which
 * re-prices every SKU, so the result does not depend on which input arrived first). SKU state expires
 * after seven days without updates.
 */
final class PriceRecommender
        extends KeyedBroadcastProcessFunction<String, SkuSignal, PricingControl, PriceRecommendation> {

    private static final long serialVersionUID = 1L;

    static final MapStateDescriptor<String, PricingControl> RULES =
            new MapStateDescriptor<>("price-rules", Types.STRING, TypeInformation.of(PricingControl.class));
    static final MapStateDescriptor<String, String> WEATHER =
            new MapStateDescriptor<>("store-weather", Types.STRING, Types.STRING);

    private static final ValueStateDescriptor<SkuState> SKU = skuDescriptor();

    private transient ValueState<SkuState> sku;
    /** Rebuilt from the broadcast state after each change to it (and after a restore, when still null). */
    private transient Controls controls;

    @Override
    public void open(OpenContext context) {
        sku = getRuntimeContext().getState(SKU);
    }

    @Override
    public void processElement(SkuSignal signal, ReadOnlyContext context, Collector<PriceRecommendation> out)
            throws Exception {
        SkuState state = sku.value();
        if (state == null) {
            state = new SkuState();
        }
        switch (signal.kind) {
            case COMPETITOR_PRICE ->
                state.quotes.put(signal.competitor, new SkuState.Quote(signal.price, signal.currency, signal.inStock));
            case STOCK -> state.stock.put(signal.storeId, signal.quantity);
            case DEMAND -> state.demandScore = signal.demandScore;
        }
        if (signal.category != null) {
            state.category = signal.category;
        }
        if (controls == null) {
            controls = Controls.of(context.getBroadcastState(RULES), context.getBroadcastState(WEATHER));
        }
        reprice(signal.sku, state, controls, signal.time, out);
        sku.update(state);
    }

    @Override
    public void processBroadcastElement(PricingControl control, Context context, Collector<PriceRecommendation> out)
            throws Exception {
        BroadcastState<String, PricingControl> rules = context.getBroadcastState(RULES);
        BroadcastState<String, String> weather = context.getBroadcastState(WEATHER);
        if (control.isRule()) {
            if (control.active) {
                rules.put(control.ruleId, control);
            } else {
                rules.remove(control.ruleId);
            }
        } else {
            weather.put(control.locationId, control.conditionCode == null ? "" : control.conditionCode);
        }
        controls = Controls.of(rules, weather);
        context.applyToKeyedState(SKU, (key, state) -> {
            SkuState known = state.value();
            if (known != null) {
                reprice(key, known, controls, control.time, out);
                state.update(known);
            }
        });
    }

    private static void reprice(
            String key, SkuState state, Controls controls, long time, Collector<PriceRecommendation> out) {
        PriceCalculator.recommend(key, state, controls.rules(), controls.weatherByStore(), time)
                .ifPresent(recommendation -> {
                    state.lastPrice = recommendation.getRecommendedPrice();
                    state.lastPriceAt = time;
                    out.collect(recommendation);
                });
    }

    /** The broadcast state as plain collections, copied once per change, not once per SKU signal. */
    private record Controls(List<PricingControl> rules, Map<String, String> weatherByStore) {

        static Controls of(
                ReadOnlyBroadcastState<String, PricingControl> rules, ReadOnlyBroadcastState<String, String> weather)
                throws Exception {
            List<PricingControl> active = new ArrayList<>();
            rules.immutableEntries().forEach(rule -> active.add(rule.getValue()));
            Map<String, String> weatherByStore = new HashMap<>();
            weather.immutableEntries().forEach(store -> weatherByStore.put(store.getKey(), store.getValue()));
            return new Controls(List.copyOf(active), Map.copyOf(weatherByStore));
        }
    }

    private static ValueStateDescriptor<SkuState> skuDescriptor() {
        ValueStateDescriptor<SkuState> descriptor =
                new ValueStateDescriptor<>("sku", TypeInformation.of(SkuState.class));
        descriptor.enableTimeToLive(StateExpiry.after(Duration.ofDays(7)));
        return descriptor;
    }
}
