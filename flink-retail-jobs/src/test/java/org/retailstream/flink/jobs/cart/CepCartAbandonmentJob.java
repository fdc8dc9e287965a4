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
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;
import org.retailstream.events.model.CartAbandonmentAlert;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.LateStateLetter;
import org.retailstream.flink.connect.RetailKafka;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSpec;
import org.retailstream.flink.job.RetailJob;

/**
 * The first cart-abandonment job, kept for the benchmark and the job's tests: it gives the same alerts
 * as {@link CartAbandonmentJob} with Flink CEP instead of keyed timers, at about a third of the speed.
 *
 * <p>Abandoned carts by absence: each change that leaves a cart open starts a match that the user's
 * next change (another add, a removal, a clear or a checkout) completes. A match that times out,
 * the timeout after the cart's last change, is an abandoned cart. Timing out in event time needs
 * the watermark to move: idle partitions are released after the idleness option.
 */
public final class CepCartAbandonmentJob implements RetailJob {

    /** The CEP variant as a job the tests and the benchmark can run, with the job's options. */
    public static final JobSpec SPEC = new JobSpec(
            "cart-abandonment-cep",
            "cart-abandonment with Flink CEP (timed-out partial matches); for comparison",
            CartAbandonmentSpec.SPEC.options(),
            CepCartAbandonmentJob.class.getName());

    static final String LAST_CHANGE = "last-change";

    @Override
    public void build(StreamExecutionEnvironment env, JobSettings settings) {
        KafkaOptions kafka = settings.kafka();
        DataStream<CartState> carts = CartChanges.read(env, settings)
                .keyBy(change -> change.userId)
                .process(new CartTracker())
                .name("carts")
                .uid("carts");
        Duration timeout = settings.duration(CartAbandonmentSpec.TIMEOUT);
        Pattern<CartState, CartState> lastChangeWithoutFollowUp = Pattern.<CartState>begin(LAST_CHANGE)
                .where(SimpleCondition.of(cart -> cart.open))
                .next("follow-up")
                .where(SimpleCondition.of(cart -> true))
                .within(timeout);
        OutputTag<CartState> late = new OutputTag<>("late-carts", TypeInformation.of(CartState.class));
        SingleOutputStreamOperator<Void> matches = CEP.pattern(
                        // Still partitioned by user from the tracker's keyBy: no second shuffle.
                        DataStreamUtils.reinterpretAsKeyedStream(carts, cart -> cart.userId), lastChangeWithoutFollowUp)
                .sideOutputLateData(late)
                .process(new AbandonedCarts((int) timeout.toMinutes()))
                .name("abandoned carts")
                .uid("abandoned-carts");
        RetailKafka.write(
                matches.getSideOutput(AbandonedCarts.ALERTS),
                RetailTopic.CART_ABANDONMENT_ALERTS,
                CartAbandonmentAlert.class,
                CartAbandonmentAlert::getUserId,
                kafka);
        RetailKafka.deadLetters(
                matches.getSideOutput(late)
                        .map(new LateStateLetter<>(RetailTopic.CART_UPDATES, cart -> cart.userId, settings.stage()))
                        .name("late cart changes"),
                kafka,
                "late-cart-changes");
    }
}
