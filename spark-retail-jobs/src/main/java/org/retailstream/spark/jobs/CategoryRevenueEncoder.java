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
package org.retailstream.spark.jobs;

import java.math.BigDecimal;
import java.sql.Timestamp;
import org.apache.spark.sql.api.java.UDF7;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CategoryRevenue;
import org.retailstream.events.topics.RetailTopic;

/**
 * A window's figures as the contract's category_revenue record, encoded by the contract's codec in the
 * topic's wire format: the record the Flink job writes, so a consumer cannot tell which engine wrote it.
 */
final class CategoryRevenueEncoder implements UDF7<String, Timestamp, Timestamp, Long, String, Long, Long, byte[]> {

    private static final long serialVersionUID = 1L;
    private static final int SCALE = 4;

    private transient EventCodec<CategoryRevenue> codec;

    @Override
    public byte[] call(
            String category,
            Timestamp start,
            Timestamp end,
            Long revenueTenThousandths,
            String currency,
            Long orders,
            Long units) {
        if (codec == null) {
            codec = EventCodec.forTopic(RetailTopic.CATEGORY_REVENUE, CategoryRevenue.class);
        }
        return codec.encode(CategoryRevenue.newBuilder()
                .setCategory(category)
                .setWindowStart(start.toInstant())
                .setWindowEnd(end.toInstant())
                .setRevenue(BigDecimal.valueOf(revenueTenThousandths, SCALE))
                .setCurrency(currency)
                .setOrderCount(orders)
                .setUnits(units)
                .build());
    }
}
