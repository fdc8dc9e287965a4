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
package org.retailstream.flink.jobs.fraud;

import java.util.List;
import org.retailstream.flink.job.JobOption;
import org.retailstream.flink.job.JobSpec;

/** Name and options of the fraud job. */
public final class FraudSpec {

    public static final String HIGH_VALUE = "high-value";
    public static final String RETRY_WITHIN = "retry-within";
    public static final String MIN_HISTORY = "min-history";

    public static final JobSpec SPEC = new JobSpec(
            "fraud",
            "checkout_events -> fraud_alerts: a high-value payment from a country other than the user's usual one,"
                    + " retried soon after (CEP)",
            List.of(
                    new JobOption(
                            HIGH_VALUE,
                            "500",
                            "Payment total (in its currency) from which a payment counts as high value."),
                    new JobOption(
                            RETRY_WITHIN,
                            "10min",
                            "How soon after the suspicious payment a retry completes the pattern."),
                    new JobOption(
                            MIN_HISTORY, "3", "Payments a user needs before their most frequent country is 'usual'.")),
            "org.retailstream.flink.jobs.fraud.FraudJob");

    private FraudSpec() {}
}
