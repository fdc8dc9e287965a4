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

import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;
import org.retailstream.events.model.FraudAlert;
import org.retailstream.events.model.FraudEvidence;

/** A completed match, as a fraud alert carrying the matched payments. */
final class FraudAlerts extends PatternProcessFunction<Payment, FraudAlert> {

    private static final long serialVersionUID = 1L;

    static final String PATTERN_NAME = "high-value-foreign-retry";

    @Override
    public void processMatch(Map<String, List<Payment>> match, Context context, Collector<FraudAlert> out) {
        Payment suspicious = match.get(FraudJob.SUSPICIOUS).get(0);
        List<Payment> matched = new ArrayList<>(match.get(FraudJob.SUSPICIOUS));
        matched.addAll(match.get(FraudJob.RETRY));
        Payment last = matched.get(matched.size() - 1);
        out.collect(FraudAlert.newBuilder()
                .setAlertId(PATTERN_NAME + "-" + suspicious.eventId + "-" + last.eventId)
                .setUserId(suspicious.userId)
                .setDetectedAt(Instant.ofEpochMilli(last.time))
                .setPattern(PATTERN_NAME)
                .setUsualCountry(suspicious.usualCountry)
                .setCountry(suspicious.country)
                .setTotalAmount(suspicious.total.setScale(4, RoundingMode.UNNECESSARY))
                .setCurrency(suspicious.currency)
                .setEvidence(matched.stream()
                        .map(payment -> FraudEvidence.newBuilder()
                                .setEventId(payment.eventId)
                                .setOrderId(payment.orderId)
                                .setEventTime(Instant.ofEpochMilli(payment.time))
                                .setPaymentStatus(payment.status)
                                .setTotalAmount(payment.total.setScale(4, RoundingMode.UNNECESSARY))
                                .setCountry(payment.country)
                                .build())
                        .toList())
                .build());
    }
}
