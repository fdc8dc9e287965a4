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

import java.math.BigDecimal;

/** A checkout with the user's usual country as it stood before this payment. */
public class Payment {

    public String eventId;
    public String orderId;
    public String userId;
    public long time;
    public String status;
    public int attempt;
    public BigDecimal total;
    public String currency;
    public String country;
    /** Most frequent country of the user's earlier payments; null until there is enough history. */
    public String usualCountry;

    public Payment() {}

    /** The fields the pattern needs; the order lines stay behind (they would be serialized on every shuffle). */
    static Payment of(org.retailstream.events.model.CheckoutEvent checkout) {
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
        return payment;
    }

    boolean isRetry() {
        return "RETRY".equals(status) || attempt > 1;
    }
}
