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

import java.util.List;
import org.retailstream.flink.job.JobOption;
import org.retailstream.flink.job.JobSpec;

/** Name and options of the dynamic-pricing job. */
public final class DynamicPricingSpec {

    public static final String DEMAND_WINDOW = "demand-window";
    public static final String DEMAND_SLIDE = "demand-slide";
    public static final String ADD_TO_CART_WEIGHT = "add-to-cart-weight";

    public static final JobSpec SPEC = new JobSpec(
            "dynamic-pricing",
            "competitor_prices, inventory_updates, user_clickstream, cart_updates, weather_observations,"
                    + " price_rules_update (broadcast) -> price_recommendations: a price per SKU with the reason",
            List.of(
                    new JobOption(
                            DEMAND_WINDOW,
                            "1h",
                            "Sliding event-time window the demand score counts views and add-to-carts over."),
                    new JobOption(DEMAND_SLIDE, "5min", "How often the demand window moves."),
                    new JobOption(
                            ADD_TO_CART_WEIGHT,
                            "3",
                            "Weight of an add-to-cart against a product view in the demand score.")),
            "org.retailstream.flink.jobs.pricing.DynamicPricingJob");

    private DynamicPricingSpec() {}
}
