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
package org.retailstream.flink.jobs.fraud;

import java.math.BigDecimal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;
import org.retailstream.events.model.CheckoutEvent;
import org.retailstream.events.model.FraudAlert;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.EventTypeInfo;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.LateStateLetter;
import org.retailstream.flink.connect.Lateness;
import org.retailstream.flink.connect.RetailKafka;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSources;
import org.retailstream.flink.job.RetailJob;

/**
 * Per user: a high-value payment from a country that is not the user's usual one, followed within
 * the retry window by a retry of a payment (attempt above 1 or status RETRY). One alert per
 * suspicious payment (the first retry completes it).
 */
public final class FraudJob implements RetailJob {

    static final String SUSPICIOUS = "suspicious";
    static final String RETRY = "retry";

    @Override
    public void build(StreamExecutionEnvironment env, JobSettings settings) {
        KafkaOptions kafka = settings.kafka();
        BigDecimal highValue =
                new BigDecimal(settings.text(FraudSpec.HIGH_VALUE).trim());
        DataStream<Payment> payments = JobSources.read(
                        env,
                        settings,
                        RetailTopic.CHECKOUT_EVENTS,
                        CheckoutEvent.class,
                        checkout -> checkout.getEventTime().toEpochMilli(),
                        Lateness.behindTheWatermark())
                .map(Payment::of)
                .returns(Payment.class)
                .name("payments")
                .keyBy(payment -> payment.userId)
                .process(new UsualCountry(settings.integer(FraudSpec.MIN_HISTORY)))
                .name("usual country")
                .uid("usual-country");
        Pattern<Payment, Payment> pattern = Pattern.<Payment>begin(
                        SUSPICIOUS, AfterMatchSkipStrategy.skipPastLastEvent())
                .where(SimpleCondition.of(payment -> payment.total.compareTo(highValue) >= 0
                        && payment.usualCountry != null
                        && !payment.usualCountry.equals(payment.country)))
                .followedBy(RETRY)
                .where(SimpleCondition.of(Payment::isRetry))
                .within(settings.duration(FraudSpec.RETRY_WITHIN));
        OutputTag<Payment> late = new OutputTag<>("late-payments", TypeInformation.of(Payment.class));
        SingleOutputStreamOperator<FraudAlert> alerts = CEP.pattern(
                        // Still partitioned by user from the keyBy above: no second shuffle.
                        DataStreamUtils.reinterpretAsKeyedStream(payments, payment -> payment.userId), pattern)
                .sideOutputLateData(late)
                .process(new FraudAlerts(), EventTypeInfo.forEvent(FraudAlert.class))
                .name("fraud pattern")
                .uid("fraud-pattern");
        RetailKafka.write(alerts, RetailTopic.FRAUD_ALERTS, FraudAlert.class, FraudAlert::getUserId, kafka);
        RetailKafka.deadLetters(
                alerts.getSideOutput(late)
                        .map(new LateStateLetter<>(
                                RetailTopic.CHECKOUT_EVENTS, payment -> payment.userId, settings.stage()))
                        .name("late payments"),
                kafka,
                "late-payments");
    }
}
