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

/**
 * What every SKU's pricing depends on and every parallel instance must see: an admin price rule
 * (from price_rules_update) or the current weather at a store (from weather_observations).
 */
public class PricingControl {

    public long time;
    // A rule (ruleId set) ...
    public String ruleId;
    public boolean active;
    public String scope;
    public String scopeValue;
    public String currency;
    public BigDecimal floorPrice;
    public BigDecimal ceilingPrice;
    public Double maxChangePercentPerHour;
    public Double undercutPercent;
    public String weatherCondition;
    public Double weatherUpliftPercent;
    // ... or the weather at a store (locationId set).
    public String locationId;
    public String conditionCode;

    public PricingControl() {}

    boolean isRule() {
        return ruleId != null;
    }

    boolean appliesTo(String sku, String category) {
        return switch (scope) {
            case "GLOBAL" -> true;
            case "CATEGORY" -> scopeValue != null && scopeValue.equals(category);
            case "SKU" -> scopeValue != null && scopeValue.equals(sku);
            default -> false;
        };
    }
}
