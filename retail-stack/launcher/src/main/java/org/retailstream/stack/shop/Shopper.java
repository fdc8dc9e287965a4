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
package org.retailstream.stack.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.retailstream.stack.shop.Catalog.Product;

/** One simulated visitor: a session that browses, fills a cart and ends the way its goal says. */
final class Shopper {

    enum Goal {
        CHECKOUT,
        ABANDON,
        BROWSE,
        FRAUD
    }

    record Line(Product product, int quantity) {}

    final String userId;
    final String sessionId;
    final String country;
    final Goal goal;
    final int browseSteps;
    final int cartSize;
    final List<Line> cart = new ArrayList<>();
    int steps;

    Shopper(String userId, String sessionId, String country, Goal goal) {
        this.userId = userId;
        this.sessionId = sessionId;
        this.country = country;
        this.goal = goal;
        int hash = Math.abs(userId.hashCode());
        this.browseSteps = 2 + hash % 6;
        this.cartSize = goal == Goal.BROWSE ? 0 : 1 + hash % 3;
    }

    /** Most visitors buy, a quarter leave a full cart, some only look, one in 300 is a fraudster. */
    static Goal goal(SplittableRandom random) {
        int draw = random.nextInt(300);
        if (draw == 0) {
            return Goal.FRAUD;
        }
        return draw < 160 ? Goal.CHECKOUT : draw < 235 ? Goal.ABANDON : Goal.BROWSE;
    }
}
