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
package org.retailstream.spark.cli;

import java.util.concurrent.Callable;
import org.retailstream.spark.jobs.CartPricingJoinJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cart-pricing-join}: cart_updates + competitor_prices + inventory_updates -> priced_cart_updates. */
@Command(
        name = CartPricingJoinJob.NAME,
        mixinStandardHelpOptions = true,
        description = "Every cart change of a SKU with that SKU's cheapest latest competitor price and its stock over"
                + " all locations, to priced_cart_updates. Undecodable inputs go to each topic's _dlq.")
final class CartPricingJoinCommand implements Callable<Integer> {

    @Mixin
    JobOptions options = new JobOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return options.run(spec, CartPricingJoinJob.NAME, CartPricingJoinJob::start);
    }
}
