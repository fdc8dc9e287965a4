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

/** The part of one captured order that falls in one category: what the revenue windows add up. */
public class CategorySale {

    public String category;
    public String currency;
    public String orderId;
    public BigDecimal amount;
    public long units;
    public long eventTime;

    public CategorySale() {}

    CategorySale(String category, String currency, String orderId, BigDecimal amount, long units, long eventTime) {
        this.category = category;
        this.currency = currency;
        this.orderId = orderId;
        this.amount = amount;
        this.units = units;
        this.eventTime = eventTime;
    }

    /** Revenue is kept per category and currency: amounts in different currencies are never added. */
    String key() {
        return category + '|' + currency;
    }
}
