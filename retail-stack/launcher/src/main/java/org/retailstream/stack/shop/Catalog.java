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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The simulated shop's products: SKUs in a few categories, each with a list price in EUR. */
public final class Catalog {

    /** Products of the simulated shop (and of the competitors' price lists). */
    public static final int PRODUCTS = 300;

    static final List<String> CATEGORIES = List.of("toys", "books", "garden", "kitchen", "electronics", "sports");

    public record Product(String sku, String category, BigDecimal price) {}

    private final List<Product> products = new ArrayList<>();

    public Catalog(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            String category = CATEGORIES.get(i % CATEGORIES.size());
            BigDecimal price =
                    BigDecimal.valueOf(199 + random.nextInt(24_800), 2).setScale(4);
            products.add(new Product("SKU-%06d".formatted(i), category, price));
        }
    }

    Product pick(SplittableRandom random) {
        // A few bestsellers get most of the views, as in a real shop.
        int index = random.nextInt(4) == 0
                ? random.nextInt(products.size())
                : random.nextInt(Math.min(40, products.size()));
        return products.get(index);
    }

    public List<Product> all() {
        return products;
    }
}
