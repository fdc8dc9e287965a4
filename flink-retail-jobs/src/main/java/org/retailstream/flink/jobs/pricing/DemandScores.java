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
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.retailstream.events.model.CartAction;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;

/** Demand per SKU over a sliding window: product views plus weighted add-to-carts. */
final class DemandScores {

    private DemandScores() {}

    static DataStream<SkuSignal> of(
            DataStream<ClickEvent> clicks,
            DataStream<CartUpdate> carts,
            Duration window,
            Duration slide,
            double addWeight) {
        DataStream<SkuSignal> views = clicks.filter(
                        click -> click.getEventType() == ClickEventType.PRODUCT_VIEW && click.getSku() != null)
                .map(click -> touch(click.getSku(), click.getEventTime().toEpochMilli(), 1.0, click.getCategory()))
                .returns(SkuSignal.class)
                .name("product views");
        DataStream<SkuSignal> adds = carts.filter(
                        update -> update.getAction() == CartAction.ADD && update.getSku() != null)
                .map(update ->
                        touch(update.getSku(), update.getEventTime().toEpochMilli(), addWeight, update.getCategory()))
                .returns(SkuSignal.class)
                .name("add-to-carts");
        return views.union(adds)
                .keyBy(signal -> signal.sku)
                .window(SlidingEventTimeWindows.of(window, slide))
                .aggregate(
                        new Sum(),
                        new ToSignal(),
                        TypeInformation.of(SkuSignal.class),
                        TypeInformation.of(SkuSignal.class),
                        TypeInformation.of(SkuSignal.class))
                .name("demand per SKU")
                .uid("demand-per-sku");
    }

    private static SkuSignal touch(String sku, long time, double weight, String category) {
        SkuSignal signal = SkuSignal.of(sku, time, SkuSignal.Kind.DEMAND);
        signal.demandScore = weight;
        signal.category = category;
        return signal;
    }

    private static final class Sum implements AggregateFunction<SkuSignal, SkuSignal, SkuSignal> {
        @Override
        public SkuSignal createAccumulator() {
            return SkuSignal.of(null, 0, SkuSignal.Kind.DEMAND);
        }

        @Override
        public SkuSignal add(SkuSignal touch, SkuSignal total) {
            total.sku = touch.sku;
            total.demandScore += touch.demandScore;
            if (touch.category != null) {
                total.category = touch.category;
            }
            return total;
        }

        @Override
        public SkuSignal getResult(SkuSignal total) {
            return total;
        }

        @Override
        public SkuSignal merge(SkuSignal a, SkuSignal b) {
            a.demandScore += b.demandScore;
            return a;
        }
    }

    /** The window's score, timed at the window's end. */
    private static final class ToSignal extends ProcessWindowFunction<SkuSignal, SkuSignal, String, TimeWindow> {
        @Override
        public void process(String sku, Context context, Iterable<SkuSignal> totals, Collector<SkuSignal> out) {
            SkuSignal total = totals.iterator().next();
            total.sku = sku;
            total.time = context.window().maxTimestamp();
            out.collect(total);
        }
    }
}
