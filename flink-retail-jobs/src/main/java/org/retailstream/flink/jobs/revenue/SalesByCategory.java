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
package org.retailstream.flink.jobs.revenue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.OrderLine;
import org.retailstream.events.model.PaymentStatus;

/**
 * Splits a captured checkout into one sale per category (sum of its lines). Only CAPTURED payments
 * are revenue: authorisations, declines and retries of the same order are not counted again.
 */
final class SalesByCategory implements FlatMapFunction<CheckoutEvent, CategorySale> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(CheckoutEvent checkout, Collector<CategorySale> out) {
        if (checkout.getPaymentStatus() != PaymentStatus.CAPTURED) {
            return;
        }
        Map<String, CategorySale> byCategory = new LinkedHashMap<>();
        long time = checkout.getEventTime().toEpochMilli();
        for (OrderLine line : checkout.getLines()) {
            BigDecimal amount = line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity()));
            byCategory.merge(
                    line.getCategory(),
                    new CategorySale(
                            line.getCategory(),
                            checkout.getCurrency(),
                            checkout.getOrderId(),
                            amount,
                            line.getQuantity(),
                            time),
                    (a, b) -> new CategorySale(
                            a.category, a.currency, a.orderId, a.amount.add(b.amount), a.units + b.units, time));
        }
        byCategory.values().forEach(out::collect);
    }
}
