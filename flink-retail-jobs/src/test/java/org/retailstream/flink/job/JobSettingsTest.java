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
import org.retailstream.flink.connect.StartingOffsets;
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
                "Missing required parameter for option '--window' (<window>) (see --help)",
                parseError(CategoryRevenueSpec.DATASTREAM, "--window"));
        assertEquals(
                "--starting-offsets must be committed, earliest, latest or timestamp:<ISO-8601 instant or epoch ms>,"
                        + " got 'first'",
                message(List.of("--starting-offsets", "first"), JobSettings::kafka));
        assertEquals(
                "--starting-offsets timestamp must be an ISO-8601 instant such as 2026-11-20T10:00:00Z or epoch"
                        + " milliseconds, got 'yesterday'",
                message(List.of("--starting-offsets", "timestamp:yesterday"), JobSettings::kafka));
    }

    @Test
    void aBareFlagMeansTrueAndAnExplicitValueStillWorks() {
        JobSettings bare = JobSettings.parse(
                CategoryRevenueSpec.DATASTREAM,
                List.of("--bounded", "--out-of-orderness", "7s", "--watermark-per-event"));
        assertTrue(bare.bounded());
        assertTrue(bare.kafka().watermarkPerEvent());
        assertEquals(Duration.ofSeconds(7), bare.kafka().outOfOrderness());
        assertEquals(
                false,
                JobSettings.parse(CategoryRevenueSpec.DATASTREAM, List.of("--bounded", "false"))
                        .bounded());
        assertEquals(
                false,
                JobSettings.parse(CategoryRevenueSpec.DATASTREAM, List.of("--bounded=false"))
                        .bounded());
        assertEquals(
                false,
                JobSettings.parse(CategoryRevenueSpec.DATASTREAM, List.of()).bounded());
    }

    @Test
    void aMistypedOptionIsNamedWithTheClosestOne() {
        String error = parseError(CategoryRevenueSpec.DATASTREAM, "--windw", "5min");
        assertTrue(error.startsWith("Unknown options: '--windw', '5min'"), error);
        assertTrue(error.contains("Did you mean --window"), error);
    }

    @Test
    void theSqlTwinRefusesWhatItCannotHonourAndSaysWhy() {
        assertEquals(
                "--allowed-lateness is not supported by category-revenue-sql: SQL window table functions drop every"
                        + " late row; category-revenue has it",
                parseError(CategoryRevenueSpec.SQL, "--allowed-lateness", "1min"));
        assertTrue(parseError(CategoryRevenueSpec.SQL, "--watermark-per-event")
                .startsWith("--watermark-per-event is not supported by category-revenue-sql"));
        assertTrue(parseError(CategoryRevenueSpec.SQL, "--watermark-alignment", "1min")
                .startsWith("--watermark-alignment is not supported by category-revenue-sql"));
        // What it honours still parses, idleness included.
        JobSettings sql = JobSettings.parse(CategoryRevenueSpec.SQL, List.of("--idleness", "30s", "--window", "2min"));
        assertEquals(Duration.ofSeconds(30), sql.kafka().idleness());
        assertEquals(Duration.ofMinutes(2), sql.duration(CategoryRevenueSpec.WINDOW));
    }

    @Test
    void startingOffsetsTakeAModeOrATime() {
        assertEquals(
                StartingOffsets.COMMITTED,
                JobSettings.parse(CategoryRevenueSpec.DATASTREAM, List.of())
                        .kafka()
                        .startingOffsets());
        assertEquals(StartingOffsets.Mode.EARLIEST, startingOffsets("earliest").mode());
        assertEquals(StartingOffsets.Mode.LATEST, startingOffsets("latest").mode());
        assertEquals(
                new StartingOffsets(StartingOffsets.Mode.TIMESTAMP, 1_795_720_800_000L),
                startingOffsets("timestamp:2026-11-26T19:20:00Z"));
        assertEquals(
                new StartingOffsets(StartingOffsets.Mode.TIMESTAMP, 1_795_720_800_000L),
                startingOffsets("timestamp:1795720800000"));
    }

    private static StartingOffsets startingOffsets(String value) {
        return JobSettings.parse(CategoryRevenueSpec.DATASTREAM, List.of("--starting-offsets", value))
                .kafka()
                .startingOffsets();
    }

    private static String parseError(JobSpec job, String... args) {
        return assertThrows(IllegalArgumentException.class, () -> JobSettings.parse(job, List.of(args)))
                .getMessage();
    }

    private static String message(List<String> args, java.util.function.Function<JobSettings, Object> use) {
        JobSettings settings = JobSettings.parse(CategoryRevenueSpec.DATASTREAM, args);
        return assertThrows(IllegalArgumentException.class, () -> use.apply(settings))
                .getMessage();
    }
}
