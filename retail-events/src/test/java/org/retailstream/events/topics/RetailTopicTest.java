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
package org.retailstream.events.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetailTopicTest {

    /**
     * The catalogue against the table users read, docs/event-contract.md: name, key, value schema,
     * partitions and retention of every row, parsed from the Markdown (an independent source: the
     * provisioner and its test take these values from the catalogue).
     */
    @Test
    void theCatalogueMatchesTheDocumentedTable() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("../docs/event-contract.md")).stream()
                .filter(line -> line.startsWith("| `"))
                .filter(line -> line.split("\\|").length == 7)
                .toList();
        assertEquals(RetailTopic.values().length, rows.size(), "one documented row per topic: " + rows);
        for (String row : rows) {
            String[] cells = Arrays.stream(row.split("\\|")).map(String::trim).toArray(String[]::new);
            String name = cells[1].replace("`", "");
            RetailTopic topic = RetailTopic.byTopicName(name).orElseThrow(() -> new AssertionError("unknown " + name));
            assertEquals(cells[3].replace("`", ""), topic.keyField(), name + " key");
            String schema = cells[4].replace("`", "");
            assertTrue(
                    schema.startsWith(topic.valueClass().getSimpleName())
                            || schema.endsWith(topic.valueClass().getSimpleName()),
                    name + " value " + schema + " vs " + topic.valueClass().getSimpleName());
            assertEquals(Integer.parseInt(cells[5]), topic.partitions(), name + " partitions");
            Duration retention = cells[6].equals("compacted")
                    ? Duration.ZERO
                    : Duration.ofDays(Long.parseLong(cells[6].split(" ")[0]));
            assertEquals(retention, topic.retention(), name + " retention");
        }
    }

    @Test
    void theCatalogueHasEveryTopicOfTheContract() {
        Set<String> names =
                Arrays.stream(RetailTopic.values()).map(RetailTopic::topicName).collect(Collectors.toSet());

        assertEquals(
                Set.of(
                        "user_clickstream",
                        "cart_updates",
                        "checkout_events",
                        "inventory_updates",
                        "price_rules_update",
                        "competitor_prices",
                        "weather_observations",
                        "pos_logs",
                        "cart_abandonment_alerts",
                        "category_revenue",
                        "price_recommendations",
                        "user_sessions",
                        "fraud_alerts",
                        "pos_health",
                        "priced_cart_updates"),
                names);
    }

    @ParameterizedTest
    @EnumSource(RetailTopic.class)
    void everyTopicIsKeyedByAFieldOfItsSchemaAndDocumented(RetailTopic topic) {
        Schema schema = topic.valueSchema();

        assertTrue(schema.getField(topic.keyField()) != null, topic + " key " + topic.keyField() + " not in schema");
        assertTrue(schema.getDoc() != null && !schema.getDoc().isBlank(), schema.getName() + " has no doc");
        for (Schema.Field field : schema.getFields()) {
            assertTrue(
                    field.doc() != null && !field.doc().isBlank(),
                    schema.getName() + "." + field.name() + " has no doc");
        }
        assertTrue(topic.partitions() >= 1);
    }

    @Test
    void deadLetterTopicsFollowTheConvention() {
        assertEquals("checkout_events_dlq", RetailTopic.CHECKOUT_EVENTS.deadLetterTopicName());
        assertTrue(DeadLetters.isDeadLetterTopic("pos_logs_dlq"));
        assertEquals(RetailTopic.POS_LOGS, RetailTopic.byTopicName("pos_logs").orElseThrow());
        assertTrue(RetailTopic.byTopicName("nope").isEmpty());
    }
}
