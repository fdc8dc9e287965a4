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
package org.retailstream.flink.jobs.cart;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.EventTypeInfo;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.LateStateLetter;
import org.retailstream.flink.connect.RetailKafka;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.RetailJob;

/**
 * Abandoned carts by absence: a cart left open with no further change (another add, a removal, a
 * clear or a checkout) for the timeout after its last change, in event time. Keyed state and timers
 * per user ({@link CartTimeouts}); timing out needs the watermark to move, so idle partitions are
 * released after the idleness option.
 */
public final class CartAbandonmentJob implements RetailJob {

    @Override
    public void build(StreamExecutionEnvironment env, JobSettings settings) {
        KafkaOptions kafka = settings.kafka();
        Duration timeout = settings.duration(CartAbandonmentSpec.TIMEOUT);
        SingleOutputStreamOperator<CartAbandonmentAlert> alerts = CartChanges.read(env, settings)
                .keyBy(change -> change.userId)
                .process(new CartTimeouts(timeout))
                .returns(EventTypeInfo.forEvent(CartAbandonmentAlert.class))
                .name("abandoned carts")
                .uid("cart-timeouts");
        RetailKafka.write(
                alerts,
                RetailTopic.CART_ABANDONMENT_ALERTS,
                CartAbandonmentAlert.class,
                CartAbandonmentAlert::getUserId,
                kafka);
        RetailKafka.deadLetters(
                alerts.getSideOutput(CartTimeouts.LATE)
                        .map(new LateStateLetter<>(RetailTopic.CART_UPDATES, change -> change.userId, settings.stage()))
                        .name("late cart changes"),
                kafka,
                "late-cart-changes");
    }
}
