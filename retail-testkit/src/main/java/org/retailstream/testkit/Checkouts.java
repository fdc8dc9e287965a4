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
package org.retailstream.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;

/** Checkouts for the revenue jobs' tests, Flink's and Spark's alike: one user, EUR, DE, first attempt, on 2026-11-20. */
public final class Checkouts {

    private Checkouts() {}

    /** Order {@code order} at {@code time} (HH:mm:ss on 2026-11-20, UTC) with its lines; the total is theirs. */
    public static CheckoutEvent checkout(String order, String time, PaymentStatus status, OrderLine... lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            total = total.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
        }
        return CheckoutEvent.newBuilder()
                .setEventId("e-" + order)
                .setEventTime(Instant.parse("2026-11-20T" + time + "Z"))
                .setOrderId(order)
                .setUserId("u-1")
                .setPaymentStatus(status)
                .setPaymentAttempt(1)
                .setTotalAmount(total.setScale(4))
                .setCurrency("EUR")
                .setCountry("DE")
                .setLines(List.of(lines))
                .build();
    }

    /** A line of {@code quantity} units of a {@code category} product at {@code unitPrice} (scale 4). */
    public static OrderLine line(String category, int quantity, String unitPrice) {
        return OrderLine.newBuilder()
                .setSku(category + "-sku")
                .setCategory(category)
                .setQuantity(quantity)
                .setUnitPrice(new BigDecimal(unitPrice).setScale(4))
                .build();
    }
}
