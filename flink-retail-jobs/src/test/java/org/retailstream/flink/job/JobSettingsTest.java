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
package org.retailstream.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.jobs.revenue.CategoryRevenueSpec;

/** Option parsing: defaults, the client properties file, and errors that name the option. */
class JobSettingsTest {

    @Test
    void defaultsAreExactlyOnceWithTheBrokersMaximumTransactionTimeout() {
        KafkaOptions kafka =
                JobSettings.parse(CategoryRevenueSpec.DATASTREAM, List.of()).kafka();

        assertEquals(DeliveryGuarantee.EXACTLY_ONCE, kafka.deliveryGuarantee());
        assertEquals("retail-category-revenue", kafka.groupId());
        assertEquals(Duration.ofSeconds(5), kafka.outOfOrderness());
        assertEquals("900000", kafka.producerProperties().getProperty("transaction.timeout.ms"));
        assertEquals(Duration.ZERO, kafka.watermarkAlignment(), "no watermark alignment unless asked for");
    }

    @Test
    void topicsRenameCatalogueTopicsAndLeaveTheOthers() {
        KafkaOptions kafka = JobSettings.parse(
                        CategoryRevenueSpec.DATASTREAM,
                        List.of("--topics", "checkout_events=shop.checkouts, category_revenue=shop.revenue"))
                .kafka();

        assertEquals("shop.checkouts", kafka.topics().of(RetailTopic.CHECKOUT_EVENTS));
        assertEquals("shop.revenue", kafka.topics().of(RetailTopic.CATEGORY_REVENUE));
        assertEquals("user_sessions", kafka.topics().of(RetailTopic.USER_SESSIONS));
        String unknown = message(List.of("--topics", "checkouts=shop.checkouts"), JobSettings::kafka);
        assertTrue(
                unknown.startsWith("--topics: 'checkouts' is not a topic of the catalogue (")
                        && unknown.contains("checkout_events"),
                unknown);
        assertEquals(
                "--topics: 'checkout_events=shop checkouts' must be name=actual with a Kafka topic name"
                        + " (letters, digits, '.', '_', '-')",
                message(List.of("--topics", "checkout_events=shop checkouts"), JobSettings::kafka));
    }

    @Test
    void watermarkAlignmentTakesTheAllowedDrift() {
        KafkaOptions kafka = JobSettings.parse(CategoryRevenueSpec.DATASTREAM, List.of("--watermark-alignment", "5min"))
                .kafka();

        assertEquals(Duration.ofMinutes(5), kafka.watermarkAlignment());
    }

    @Test
    void theClientPropertiesFileReachesTheClientsAndCanSetTheTransactionTimeout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\ntransaction.timeout.ms=600000\n");

        KafkaOptions kafka = JobSettings.parse(
                        CategoryRevenueSpec.DATASTREAM, List.of("--client-properties", file.toString()))
                .kafka();

        assertEquals("SASL_SSL", kafka.clientProperties().getProperty("security.protocol"));
        assertEquals("PLAIN", kafka.producerProperties().getProperty("sasl.mechanism"));
        assertEquals("600000", kafka.producerProperties().getProperty("transaction.timeout.ms"));
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        assertEquals(
                "--window must be a duration such as 30s, 5min or 1h, got 'soon'",
                message(List.of("--window", "soon"), s -> s.duration(CategoryRevenueSpec.WINDOW)));
        assertEquals(
                "--delivery-guarantee must be exactly-once, at-least-once or none, got 'maybe'",
                message(List.of("--delivery-guarantee", "maybe"), JobSettings::kafka));
        assertEquals(
                "--bounded must be true or false, got 'yes'",
                message(List.of("--bounded", "yes"), JobSettings::bounded));
        assertEquals(
                "Option --window needs a value",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JobSettings.parse(CategoryRevenueSpec.DATASTREAM, List.of("--window")))
                        .getMessage());
    }

    private static String message(List<String> args, java.util.function.Function<JobSettings, Object> use) {
        JobSettings settings = JobSettings.parse(CategoryRevenueSpec.DATASTREAM, args);
        return assertThrows(IllegalArgumentException.class, () -> use.apply(settings))
                .getMessage();
    }
}
