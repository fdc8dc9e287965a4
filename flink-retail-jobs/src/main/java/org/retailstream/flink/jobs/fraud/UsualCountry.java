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
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.retailstream.events.model.CheckoutEvent;

/**
 * Counts each user's payments per country and stamps every payment with the most frequent country
 * of the earlier ones. Counts not updated for 180 days expire, so state stays bounded by active users.
 */
final class UsualCountry extends KeyedProcessFunction<String, CheckoutEvent, Payment> {

    private static final long serialVersionUID = 1L;

    private final int minHistory;
    private transient MapState<String, Integer> countries;

    UsualCountry(int minHistory) {
        this.minHistory = minHistory;
    }

    @Override
    public void open(OpenContext context) {
        MapStateDescriptor<String, Integer> descriptor = new MapStateDescriptor<>("countries", Types.STRING, Types.INT);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(Duration.ofDays(180)).build());
        countries = getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement(CheckoutEvent checkout, Context context, Collector<Payment> out) throws Exception {
        Payment payment = new Payment();
        payment.eventId = checkout.getEventId();
        payment.orderId = checkout.getOrderId();
        payment.userId = checkout.getUserId();
        payment.time = checkout.getEventTime().toEpochMilli();
        payment.status = checkout.getPaymentStatus().name();
        payment.attempt = checkout.getPaymentAttempt();
        payment.total = checkout.getTotalAmount();
        payment.currency = checkout.getCurrency();
        payment.country = checkout.getCountry();
        payment.usualCountry = usual();
        out.collect(payment);
        Integer seen = countries.get(payment.country);
        countries.put(payment.country, seen == null ? 1 : seen + 1);
    }

    private String usual() throws Exception {
        String best = null;
        int bestCount = 0;
        int total = 0;
        for (Map.Entry<String, Integer> entry : countries.entries()) {
            total += entry.getValue();
            if (entry.getValue() > bestCount
                    || (entry.getValue() == bestCount && entry.getKey().compareTo(best) < 0)) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return total >= minHistory ? best : null;
    }
}
