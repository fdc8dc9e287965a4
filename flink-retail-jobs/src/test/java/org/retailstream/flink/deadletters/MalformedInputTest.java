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
package org.retailstream.flink.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.job.JobSpec;
import org.retailstream.flink.jobs.cart.CartAbandonmentSpec;
import org.retailstream.flink.jobs.fraud.FraudSpec;
import org.retailstream.flink.jobs.pos.PosHealthSpec;
import org.retailstream.flink.jobs.pricing.DynamicPricingSpec;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;
import org.retailstream.flink.jobs.sessions.SessionsSpec;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * Every input topic of every job: records nobody can read go to the topic's dead-letter topic with
 * the job as the stage, and the job runs to the end of its input instead of failing.
 */
class MalformedInputTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    private static final List<String> GARBAGE = List.of("{\"truncated\": ", "\u0000\u0001 binary noise");

    @BeforeAll
    static void garbageOnEveryInput() throws InterruptedException {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (RetailTopic topic : List.of(
                RetailTopic.CHECKOUT_EVENTS,
                RetailTopic.CART_UPDATES,
                RetailTopic.USER_CLICKSTREAM,
                RetailTopic.POS_LOGS,
                RetailTopic.COMPETITOR_PRICES,
                RetailTopic.INVENTORY_UPDATES,
                RetailTopic.PRICE_RULES_UPDATE,
                RetailTopic.WEATHER_OBSERVATIONS)) {
            GARBAGE.forEach(value -> records.add(new ProducerRecord<>(topic.topicName(), utf8("k"), utf8(value))));
        }
        KAFKA.produce(records);
    }

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of(CategoryRevenueSpec.DATASTREAM, List.of(RetailTopic.CHECKOUT_EVENTS)),
                Arguments.of(CartAbandonmentSpec.SPEC, List.of(RetailTopic.CART_UPDATES, RetailTopic.CHECKOUT_EVENTS)),
                Arguments.of(FraudSpec.SPEC, List.of(RetailTopic.CHECKOUT_EVENTS)),
                Arguments.of(SessionsSpec.SPEC, List.of(RetailTopic.USER_CLICKSTREAM)),
                Arguments.of(PosHealthSpec.SPEC, List.of(RetailTopic.POS_LOGS)),
                Arguments.of(
                        DynamicPricingSpec.SPEC,
                        List.of(
                                RetailTopic.COMPETITOR_PRICES,
                                RetailTopic.INVENTORY_UPDATES,
                                RetailTopic.USER_CLICKSTREAM,
                                RetailTopic.CART_UPDATES,
                                RetailTopic.PRICE_RULES_UPDATE,
                                RetailTopic.WEATHER_OBSERVATIONS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void unreadableRecordsAreDeadLetteredAndTheJobCompletes(JobSpec job, List<RetailTopic> topics) throws Exception {
        JobRun.bounded(job, KAFKA, "--group-id", "malformed-" + job.name());

        for (RetailTopic topic : topics) {
            List<String> letters = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> letter :
                    KAFKA.consumeAll(topic.deadLetterTopicName(), Duration.ofSeconds(30))) {
                String stage = new String(
                        letter.headers().lastHeader("retail.dlq.stage").value(), StandardCharsets.UTF_8);
                if (stage.equals("flink:" + job.name())) {
                    letters.add(new String(letter.value(), StandardCharsets.UTF_8));
                }
            }
            assertEquals(
                    GARBAGE.stream().sorted().toList(),
                    letters.stream().sorted().toList(),
                    topic.topicName());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
