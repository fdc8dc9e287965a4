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

import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.events.model.CartUpdate;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.model.InventoryUpdate;
import org.retailstream.events.model.PriceRecommendation;
import org.retailstream.events.model.PriceRuleUpdate;
import org.retailstream.events.model.WeatherObservation;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.EventTypeInfo;
import org.retailstream.flink.connect.RetailKafka;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSources;
import org.retailstream.flink.job.RetailJob;

/**
 * Price recommendations per SKU (see {@link PriceCalculator}) from competitor prices, stock, demand
 * and store weather, under the admins' rules broadcast to every instance.
 */
public final class DynamicPricingJob implements RetailJob {

    @Override
    public void build(StreamExecutionEnvironment env, JobSettings settings) {
        DataStream<SkuSignal> competitors = JobSources.read(
                        env, settings, RetailTopic.COMPETITOR_PRICES, CompetitorPrice.class, p -> p.getObservedAt()
                                .toEpochMilli())
                .map(PricingInputs::competitor)
                .returns(SkuSignal.class)
                .name("competitor prices");
        DataStream<SkuSignal> stock = JobSources.read(
                        env, settings, RetailTopic.INVENTORY_UPDATES, InventoryUpdate.class, u -> u.getEventTime()
                                .toEpochMilli())
                .map(PricingInputs::stock)
                .returns(SkuSignal.class)
                .name("stock");
        DataStream<SkuSignal> demand = DemandScores.of(
                JobSources.read(env, settings, RetailTopic.USER_CLICKSTREAM, ClickEvent.class, c -> c.getEventTime()
                        .toEpochMilli()),
                JobSources.read(env, settings, RetailTopic.CART_UPDATES, CartUpdate.class, u -> u.getEventTime()
                        .toEpochMilli()),
                settings.duration(DynamicPricingSpec.DEMAND_WINDOW),
                settings.duration(DynamicPricingSpec.DEMAND_SLIDE),
                settings.decimal(DynamicPricingSpec.ADD_TO_CART_WEIGHT));
        BroadcastStream<PricingControl> controls = JobSources.read(
                        env, settings, RetailTopic.PRICE_RULES_UPDATE, PriceRuleUpdate.class, r -> r.getUpdatedAt()
                                .toEpochMilli())
                .map(PricingInputs::rule)
                .returns(PricingControl.class)
                .name("price rules")
                .union(JobSources.read(
                                env,
                                settings,
                                RetailTopic.WEATHER_OBSERVATIONS,
                                WeatherObservation.class,
                                w -> w.getObservedAt().toEpochMilli())
                        .map(PricingInputs::weather)
                        .returns(PricingControl.class)
                        .name("store weather"))
                .broadcast(PriceRecommender.RULES, PriceRecommender.WEATHER);
        DataStream<PriceRecommendation> recommendations = competitors
                .union(stock, demand)
                .keyBy(signal -> signal.sku)
                .connect(controls)
                .process(new PriceRecommender(), EventTypeInfo.forEvent(PriceRecommendation.class))
                .name("price recommender")
                .uid("price-recommender");
        RetailKafka.write(
                recommendations,
                RetailTopic.PRICE_RECOMMENDATIONS,
                PriceRecommendation.class,
                PriceRecommendation::getSku,
                settings.kafka());
    }
}
