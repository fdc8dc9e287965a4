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
package org.retailstream.flink.jobs.revenue;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.EventTypeInfo;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.Lateness;
import org.retailstream.flink.connect.RetailKafka;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSources;
import org.retailstream.flink.job.RetailJob;

/**
 * Revenue, orders and units per category (and currency) per event-time window from captured
 * checkouts. A window fires when the watermark passes its end and again for each late event within
 * the allowed lateness (an updated total for the same window); events later than that go to
 * checkout_events_dlq with the reason.
 */
public final class CategoryRevenueJob implements RetailJob {

    @Override
    public void build(StreamExecutionEnvironment env, JobSettings settings) {
        KafkaOptions kafka = settings.kafka();
        Duration window = settings.duration(CategoryRevenueSpec.WINDOW);
        Duration allowedLateness = settings.duration(CategoryRevenueSpec.ALLOWED_LATENESS);
        // A checkout whose window closed goes to checkout_events_dlq whole, as it was read (replayable).
        DataStream<CheckoutEvent> checkouts = JobSources.read(
                env,
                settings,
                RetailTopic.CHECKOUT_EVENTS,
                CheckoutEvent.class,
                checkout -> checkout.getEventTime().toEpochMilli(),
                Lateness.windowClosed(window.toMillis(), allowedLateness.toMillis()));
        OutputTag<CategorySale> late = new OutputTag<>("late-sales", TypeInformation.of(CategorySale.class));
        SingleOutputStreamOperator<CategoryRevenue> revenue = checkouts
                .flatMap(new SalesByCategory())
                .returns(CategorySale.class)
                .name("captured sales by category")
                .uid("sales-by-category")
                .keyBy(CategorySale::key)
                .window(TumblingEventTimeWindows.of(window))
                .allowedLateness(allowedLateness)
                .sideOutputLateData(late)
                .aggregate(
                        new RevenueTotals(),
                        new ToCategoryRevenue(),
                        TypeInformation.of(RevenueTotals.Totals.class),
                        TypeInformation.of(RevenueTotals.Totals.class),
                        EventTypeInfo.forEvent(CategoryRevenue.class))
                .name("revenue per category window")
                .uid("revenue-window");
        RetailKafka.write(
                revenue, RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class, CategoryRevenue::getCategory, kafka);
        RetailKafka.deadLetters(
                revenue.getSideOutput(late)
                        .map(new LateSaleLetter(settings.stage()))
                        .name("late sales"),
                kafka,
                "late-sales");
    }
}
