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
package org.retailstream.flink.jobs.pricing;

import java.math.BigDecimal;

/** Something that happened to one SKU: a competitor's price, a stock count, or its demand in a window. */
public class SkuSignal {

    /** Which input the signal came from. */
    public enum Kind {
        COMPETITOR_PRICE,
        STOCK,
        DEMAND
    }

    public String sku;
    public long time;
    public Kind kind;
    public String competitor;
    public BigDecimal price;
    public String currency;
    public boolean inStock;
    public String storeId;
    public int quantity;
    public double demandScore;
    public String category;

    public SkuSignal() {}

    static SkuSignal of(String sku, long time, Kind kind) {
        SkuSignal signal = new SkuSignal();
        signal.sku = sku;
        signal.time = time;
        signal.kind = kind;
        return signal;
    }
}
