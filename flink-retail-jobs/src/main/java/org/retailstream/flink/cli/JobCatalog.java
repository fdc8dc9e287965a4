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
package org.retailstream.flink.cli;

import java.util.List;
import java.util.Optional;
import org.retailstream.flink.job.JobSpec;
import org.retailstream.flink.jobs.cart.CartAbandonmentSpec;
import org.retailstream.flink.jobs.fraud.FraudSpec;
import org.retailstream.flink.jobs.pos.PosHealthSpec;
import org.retailstream.flink.jobs.pricing.DynamicPricingSpec;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.jobs.sessions.SessionsSpec;

/** Every job in the jar, by the name users pick it with. */
public final class JobCatalog {

    public static final List<JobSpec> JOBS = List.of(
            CartAbandonmentSpec.SPEC,
            CategoryRevenueSpec.DATASTREAM,
            CategoryRevenueSpec.SQL,
            DynamicPricingSpec.SPEC,
            FraudSpec.SPEC,
            PosHealthSpec.SPEC,
            SessionsSpec.SPEC);

    private JobCatalog() {}

    public static Optional<JobSpec> byName(String name) {
        return JOBS.stream().filter(job -> job.name().equals(name)).findFirst();
    }
}
