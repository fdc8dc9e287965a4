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
import org.retailstream.flink.job.JobOption;
import org.retailstream.flink.job.JobSpec;

/** Name and options of the cart-abandonment job. */
public final class CartAbandonmentSpec {

    public static final String TIMEOUT = "timeout";

    public static final JobSpec SPEC = new JobSpec(
            "cart-abandonment",
            "cart_updates + checkout_events -> cart_abandonment_alerts: open carts with no change or checkout for the"
                    + " timeout (keyed state and event-time timers)",
            List.of(new JobOption(
                    TIMEOUT,
                    "5min",
                    "Event time after a cart's last change with no checkout that makes it abandoned.")),
            "org.retailstream.flink.jobs.cart.CartAbandonmentJob");

    private CartAbandonmentSpec() {}
}
