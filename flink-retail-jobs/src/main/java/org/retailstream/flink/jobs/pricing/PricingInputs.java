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

import org.retailstream.events.model.Availability;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.model.InventoryUpdate;
import org.retailstream.events.model.PriceRuleUpdate;
import org.retailstream.events.model.WeatherObservation;

/** The pricing inputs as SKU signals and broadcast controls. */
final class PricingInputs {

    private PricingInputs() {}

    static SkuSignal competitor(CompetitorPrice price) {
        SkuSignal signal =
                SkuSignal.of(price.getSku(), price.getObservedAt().toEpochMilli(), SkuSignal.Kind.COMPETITOR_PRICE);
        signal.competitor = price.getCompetitor();
        signal.price = price.getPrice();
        signal.currency = price.getCurrency();
        signal.inStock = price.getAvailability() != Availability.OUT_OF_STOCK;
        return signal;
    }

    static SkuSignal stock(InventoryUpdate update) {
        SkuSignal signal = SkuSignal.of(update.getSku(), update.getEventTime().toEpochMilli(), SkuSignal.Kind.STOCK);
        signal.storeId = update.getStoreId();
        signal.quantity = update.getQuantityOnHand();
        return signal;
    }

    static PricingControl rule(PriceRuleUpdate rule) {
        PricingControl control = new PricingControl();
        control.time = rule.getUpdatedAt().toEpochMilli();
        control.ruleId = rule.getRuleId();
        control.active = rule.getActive();
        control.scope = rule.getScope().name();
        control.scopeValue = rule.getScopeValue();
        control.currency = rule.getCurrency();
        control.floorPrice = rule.getFloorPrice();
        control.ceilingPrice = rule.getCeilingPrice();
        control.maxChangePercentPerHour = rule.getMaxChangePercentPerHour();
        control.undercutPercent = rule.getUndercutCompetitorPercent();
        control.weatherCondition = rule.getWeatherCondition();
        control.weatherUpliftPercent = rule.getWeatherUpliftPercent();
        return control;
    }

    static PricingControl weather(WeatherObservation observation) {
        PricingControl control = new PricingControl();
        control.time = observation.getObservedAt().toEpochMilli();
        control.locationId = observation.getLocationId();
        control.conditionCode = observation.getConditionCode();
        return control;
    }
}
