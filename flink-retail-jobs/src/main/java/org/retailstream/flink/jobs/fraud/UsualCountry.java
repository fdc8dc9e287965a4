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

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.retailstream.flink.job.StateExpiry;

/**
 * Counts each user's payments per country and stamps every payment with the most frequent country
 * of the earlier ones (ties: the alphabetically first). The history is one small value per user,
 * read and written once per payment; it expires 180 days after the user's last payment.
 */
final class UsualCountry extends KeyedProcessFunction<String, Payment, Payment> {

    private static final long serialVersionUID = 1L;

    private final int minHistory;
    private transient ValueState<CountryHistory> history;

    UsualCountry(int minHistory) {
        this.minHistory = minHistory;
    }

    /** Payments per country of one user. */
    public static class CountryHistory {
        public Map<String, Integer> counts = new HashMap<>();
        public int total;
        public String usual;

        public CountryHistory() {}

        void count(String country) {
            int seen = counts.merge(country, 1, Integer::sum);
            total++;
            int best = usual == null ? 0 : counts.get(usual);
            if (seen > best || (seen == best && country.compareTo(usual) < 0)) {
                usual = country;
            }
        }
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<CountryHistory> descriptor =
                new ValueStateDescriptor<>("country-history", TypeInformation.of(CountryHistory.class));
        descriptor.enableTimeToLive(StateExpiry.after(Duration.ofDays(180)));
        history = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(Payment payment, Context context, Collector<Payment> out) throws Exception {
        CountryHistory known = history.value();
        if (known == null) {
            known = new CountryHistory();
        }
        payment.usualCountry = known.total >= minHistory ? known.usual : null;
        out.collect(payment);
        known.count(payment.country);
        history.update(known);
    }
}
