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
package org.retailstream.stack.drill;

import java.time.Duration;

/**
 * The competitor APIs answer 503 with Retry-After for a while: the NiFi poller backs off, then catches
 * up. Recovered means no gap: competitor_prices holds every competitor's current price of every SKU.
 */
final class ApiOutage implements Fault {

    private final Duration length;

    ApiOutage(Duration length) {
        this.length = length;
    }

    @Override
    public String inject(StackParts parts) {
        parts.competitorApi().outage(length);
        return "the competitor APIs answer 503 with Retry-After for " + length.toSeconds() + " s";
    }

    @Override
    public String restore(StackParts parts) {
        // The outage ends by itself when its length has passed; say how often the poller knocked meanwhile.
        return "the APIs answer again (" + parts.competitorApi().refused() + " requests refused in all)";
    }

    @Override
    public boolean recovered(StackParts parts) throws Exception {
        return parts.competitorPricesCurrent();
    }
}
