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
package org.retailstream.flink.jobs.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;
import org.retailstream.events.model.UserSession;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.support.Events;
import org.retailstream.flink.support.FlinkCluster;
import org.retailstream.flink.support.JobRun;
import org.retailstream.flink.support.OrderedTopics;
import org.retailstream.testkit.KafkaBrokerExtension;

class SessionsJobTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.twoSlots();

    @BeforeAll
    static void topics() throws Exception {
        OrderedTopics.create(KAFKA, RetailTopic.USER_SESSIONS, RetailTopic.USER_CLICKSTREAM);
    }

    @Test
    void aGapLongerThanTheSessionGapSplitsSessionsAndACheckoutConverts() throws Exception {
        List<ClickEvent> clicks = List.of(
                click("ann", "09:00:00", ClickEventType.PAGE_VIEW, "/"),
                click("bob", "09:01:00", ClickEventType.PRODUCT_VIEW, "/p/1"),
                click("ann", "09:10:00", ClickEventType.PRODUCT_VIEW, "/p/7"),
                click("ann", "09:05:00", ClickEventType.SEARCH, "/search?q=lamp"),
                click("ann", "09:20:00", ClickEventType.CHECKOUT, "/checkout"),
                // cat: two sessions (09:21 and 09:55, more than the gap apart) joined by a click at 09:50
                // that arrives last: one session of three pages, in event-time order.
                click("cat", "09:21:00", ClickEventType.PAGE_VIEW, "/a"),
                click("cat", "09:55:00", ClickEventType.PAGE_VIEW, "/c"),
                click("cat", "09:50:00", ClickEventType.PRODUCT_VIEW, "/b"),
                click("bob", "10:00:00", ClickEventType.PAGE_VIEW, "/"),
                click("ann", "11:00:00", ClickEventType.PAGE_VIEW, "/sale"),
                // dan's click is older than the watermark (10:50) by more than the gap: late.
                click("dan", "10:00:00", ClickEventType.PAGE_VIEW, "/late"));

        Events.produce(KAFKA, RetailTopic.USER_CLICKSTREAM, ClickEvent.class, ClickEvent::getUserId, clicks);

        // ann's 09:05 search arrives after her 09:10 view: out of order, within the 10 min bound.
        // One source subtask: with two, the second (it has no partition to read) holds the watermark
        // back until it is declared idle, and whether that happens before dan's click is processed is
        // timing, not the job's logic; dan's click is then late or not by luck.
        JobRun.bounded(
                SessionsSpec.SPEC,
                KAFKA,
                "--gap",
                "30min",
                "--out-of-orderness",
                "10min",
                "--max-pages",
                "2",
                "--parallelism",
                "1");

        List<UserSession> sessions = Events.output(KAFKA, RetailTopic.USER_SESSIONS, UserSession.class).stream()
                .sorted(Comparator.comparing(UserSession::getUserId).thenComparing(UserSession::getSessionStart))
                .toList();
        assertEquals(5, sessions.size(), sessions.toString());
        UserSession annMorning = sessions.get(0);
        assertEquals(time("09:00:00"), annMorning.getSessionStart());
        assertEquals(time("09:20:00"), annMorning.getSessionEnd());
        assertEquals(20 * 60_000L, annMorning.getDurationMs());
        assertEquals(4, annMorning.getEventCount());
        assertEquals(2, annMorning.getPageCount());
        assertEquals(List.of("/", "/p/7"), annMorning.getPages());
        assertTrue(annMorning.getConverted());
        assertEquals("ann-" + time("09:00:00").toEpochMilli(), annMorning.getSessionId());
        assertFalse(sessions.get(1).getConverted(), "ann at 11:00 is a new session");
        assertEquals(
                2, sessions.stream().filter(s -> s.getUserId().equals("bob")).count(), "bob's clicks are 59 min apart");
        UserSession cat = sessions.stream()
                .filter(s -> s.getUserId().equals("cat"))
                .findFirst()
                .orElseThrow();
        assertEquals(time("09:21:00"), cat.getSessionStart());
        assertEquals(time("09:55:00"), cat.getSessionEnd());
        assertEquals(3, cat.getEventCount());
        assertEquals(3, cat.getPageCount());
        assertEquals(List.of("/a", "/b"), cat.getPages(), "the first two pages in event time (--max-pages 2)");
        assertFalse(sessions.stream().anyMatch(s -> s.getUserId().equals("dan")));
        List<ConsumerRecord<byte[], byte[]>> late =
                KAFKA.consumeUntil(RetailTopic.USER_CLICKSTREAM.deadLetterTopicName(), 1, Duration.ofSeconds(30));
        assertEquals(1, late.size());
        assertEquals("dan", new String(late.get(0).key(), StandardCharsets.UTF_8));
        assertTrue(
                new String(late.get(0).headers().lastHeader("retail.dlq.error").value(), StandardCharsets.UTF_8)
                        .contains("closed"),
                "the late click's dead letter says why");
    }

    private static ClickEvent click(String user, String time, ClickEventType type, String page) {
        return ClickEvent.newBuilder()
                .setEventId(user + time)
                .setEventTime(time(time))
                .setUserId(user)
                .setEventType(type)
                .setPageUrl(page)
                .build();
    }

    private static Instant time(String time) {
        return Instant.parse("2026-11-20T" + time + "Z");
    }
}
