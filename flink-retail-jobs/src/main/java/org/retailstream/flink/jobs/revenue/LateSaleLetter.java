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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.functions.MapFunction;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.DeadLetter;

/** A sale that arrived after its window closed, as a dead letter of checkout_events saying so. */
final class LateSaleLetter implements MapFunction<CategorySale, DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final String stage;

    LateSaleLetter(String stage) {
        this.stage = stage;
    }

    @Override
    public DeadLetter map(CategorySale sale) {
        String json =
                "{\"order_id\":\"%s\",\"category\":\"%s\",\"currency\":\"%s\",\"amount\":%s,\"units\":%d,\"event_time\":\"%s\"}"
                        .formatted(
                                sale.orderId,
                                sale.category,
                                sale.currency,
                                sale.amount.toPlainString(),
                                sale.units,
                                Instant.ofEpochMilli(sale.eventTime));
        return DeadLetter.late(
                RetailTopic.CHECKOUT_EVENTS,
                sale.orderId,
                json.getBytes(StandardCharsets.UTF_8),
                "event time " + Instant.ofEpochMilli(sale.eventTime)
                        + " is behind the window's end plus the allowed lateness; not counted",
                stage);
    }
}
