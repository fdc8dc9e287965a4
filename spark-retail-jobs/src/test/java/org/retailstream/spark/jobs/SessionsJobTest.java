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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.codec.WireFormat;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;
import org.retailstream.events.model.UserSession;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.events.topics.TopicNames;
import org.retailstream.spark.support.LocalSpark;
import org.retailstream.spark.support.SparkSessionExtension;
import org.retailstream.testkit.Conditions;
import org.retailstream.testkit.KafkaBrokerExtension;

/**
 * sessions on Spark in-process against a real broker: each user's clicks within the gap make one
 * session record as the Flink job writes it (its id, first and last click, counts, first pages in event
 * time, conversion); clicks more than a gap apart make two; a malformed click is a dead letter.
 */
class SessionsJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext();

    @RegisterExtension
    static final SparkSessionExtension SPARK = new SparkSessionExtension("spark-retail-jobs-sessions-test");

    private static final EventCodec<ClickEvent> CLICKS =
            EventCodec.forTopic(RetailTopic.USER_CLICKSTREAM, ClickEvent.class);
    private static final EventCodec<UserSession> SESSIONS =
            EventCodec.forTopic(RetailTopic.USER_SESSIONS, UserSession.class);

    private static final String SESSIONS_TOPIC = "user_sessions_spark";

    @TempDir
    static Path checkpoints;

    @Test
    void clicksWithinTheGapMakeOneSessionRecordAsTheFlinkJobWritesIt() throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        records.add(click("u-1", "10:00:00", ClickEventType.PAGE_VIEW, "/home", WireFormat.JSON));
        records.add(click("u-1", "10:00:40", ClickEventType.ADD_TO_CART, "/p/1", WireFormat.AVRO_SINGLE_OBJECT));
        records.add(click("u-1", "10:00:10", ClickEventType.PRODUCT_VIEW, "/p/1", WireFormat.JSON)); // out of order
        records.add(click("u-1", "10:01:20", ClickEventType.CHECKOUT, "/checkout", WireFormat.AVRO_SINGLE_OBJECT));
        records.add(click("u-2", "10:00:30", ClickEventType.PAGE_VIEW, "/sale", WireFormat.JSON));
        records.add(click("u-2", "10:05:00", ClickEventType.SEARCH, "/search", WireFormat.JSON)); // > gap later
        records.add(new ProducerRecord<>(RetailTopic.USER_CLICKSTREAM.topicName(), utf8("u-3"), utf8("not a click")));
        records.add(click("u-9", "10:30:00", ClickEventType.PAGE_VIEW, "/", WireFormat.JSON)); // moves the watermark
        KAFKA.produce(records);

        // Written beside the Flink job's output, as --topics user_sessions=user_sessions_spark does.
        KAFKA.createTopic(SESSIONS_TOPIC, 2);
        SparkJobSettings settings = LocalSpark.settings(
                KAFKA.bootstrapServers(), checkpoints, TopicNames.parse("user_sessions=" + SESSIONS_TOPIC, "topics"));
        List<StreamingQuery> queries = SessionsJob.start(SPARK.spark(), settings, Duration.ofMinutes(1), 100);
        Map<String, UserSession> sessions = new TreeMap<>();
        try {
            Conditions.await("three sessions in user_sessions", Duration.ofMinutes(2), () -> {
                sessions.clear();
                for (ConsumerRecord<byte[], byte[]> record : KAFKA.consumeAll(SESSIONS_TOPIC, Duration.ofSeconds(5))) {
                    UserSession session = SESSIONS.decode(record.value());
                    sessions.put(session.getSessionId(), session);
                    assertEquals(session.getUserId(), new String(record.key(), StandardCharsets.UTF_8));
                }
                return sessions.size() >= 3;
            });
        } finally {
            SparkSessionExtension.stop(queries);
        }

        long start = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
        UserSession first = sessions.get("u-1-" + start);
        assertEquals(80_000, first.getDurationMs(), "10:00:00 to 10:01:20: " + sessions.keySet());
        assertEquals(4, first.getEventCount());
        assertEquals(2, first.getPageCount());
        assertEquals(List.of("/home", "/p/1"), first.getPages(), "page and product views in event time");
        assertEquals(true, first.getConverted());
        UserSession sale =
                sessions.get("u-2-" + Instant.parse("2026-11-20T10:00:30Z").toEpochMilli());
        assertEquals(0, sale.getDurationMs());
        assertEquals(false, sale.getConverted());
        UserSession search =
                sessions.get("u-2-" + Instant.parse("2026-11-20T10:05:00Z").toEpochMilli());
        assertEquals(0, search.getPageCount(), "a search is an event, not a page view");
        assertEquals(List.of(), search.getPages());
        assertEquals(3, sessions.size(), "u-9's session is still open: " + sessions.keySet());
        assertEquals(
                0,
                KAFKA.consumeAll(RetailTopic.USER_SESSIONS.topicName(), Duration.ofSeconds(2))
                        .size(),
                "nothing in the catalogue's topic: --topics renamed it");

        List<ConsumerRecord<byte[], byte[]>> letters = KAFKA.consumeAll(
                DeadLetters.topicNameFor(RetailTopic.USER_CLICKSTREAM.topicName()), Duration.ofSeconds(10));
        assertEquals(1, letters.size());
        assertEquals("not a click", new String(letters.get(0).value(), StandardCharsets.UTF_8));
    }

    private static ProducerRecord<byte[], byte[]> click(
            String user, String time, ClickEventType type, String url, WireFormat format) {
        ClickEvent click = ClickEvent.newBuilder()
                .setEventId(user + "-" + time)
                .setEventTime(Instant.parse("2026-11-20T" + time + "Z"))
                .setUserId(user)
                .setSessionId(null)
                .setEventType(type)
                .setPageUrl(url)
                .setSku(null)
                .setCategory(null)
                .setReferrer(null)
                .setUserAgent(null)
                .build();
        return new ProducerRecord<>(RetailTopic.USER_CLICKSTREAM.topicName(), utf8(user), CLICKS.encode(click, format));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
