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
package org.retailstream.flink.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;

/** Plausible checkouts: a few categories, one to three lines, most payments captured. */
public final class CheckoutGenerator {

    private static final String[] CATEGORIES = {"toys", "books", "garden", "kitchen", "electronics", "sports"};
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "IT", "ES"};

    private final SplittableRandom random;
    private long sequence;

    public CheckoutGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public CheckoutEvent next(Instant time) {
        long n = sequence++;
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(9900), 2).setScale(4);
            int quantity = 1 + random.nextInt(3);
            lines.add(OrderLine.newBuilder()
                    .setSku(category + "-" + random.nextInt(500))
                    .setCategory(category)
                    .setQuantity(quantity)
                    .setUnitPrice(price)
                    .build());
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        return CheckoutEvent.newBuilder()
                .setEventId("e-" + n)
                .setEventTime(time)
                .setOrderId("o-" + n)
                .setUserId("u-" + random.nextInt(10_000))
                .setPaymentStatus(random.nextInt(10) < 8 ? PaymentStatus.CAPTURED : PaymentStatus.DECLINED)
                .setPaymentAttempt(1)
                .setTotalAmount(total)
                .setCurrency("EUR")
                .setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)])
                .setLines(lines)
                .build();
    }
}
