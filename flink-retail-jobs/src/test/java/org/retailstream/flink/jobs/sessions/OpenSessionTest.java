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

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;
import org.retailstream.events.model.UserSession;

/** The window arithmetic and merging of one user's open sessions, as Flink's session windows do it. */
class OpenSessionTest {

    private static final long GAP = 1_000;

    @Test
    void windowsThatTouchAreOneSessionAndAGapApartAreTwo() {
        OpenSession first = session(0, ClickEventType.PAGE_VIEW, "/a");

        assertTrue(first.touches(session(1_000, ClickEventType.PAGE_VIEW, "/b"), GAP), "[0,1000) and [1000,2000)");
        assertFalse(first.touches(session(1_001, ClickEventType.PAGE_VIEW, "/b"), GAP));
        assertTrue(session(1_000, ClickEventType.SEARCH, "/s").touches(first, GAP), "either way round");
    }

    @Test
    void absorbingKeepsTheFirstPagesInEventTimeAndCountsEverything() {
        // absorb(other): other is the session that was open before this click arrived
        OpenSession openFirst = session(100, ClickEventType.PAGE_VIEW, "/first");
        OpenSession arrivedSecond = session(100, ClickEventType.PAGE_VIEW, "/second");
        arrivedSecond.absorb(openFirst, 2);
        OpenSession later = session(500, ClickEventType.PRODUCT_VIEW, "/later");
        later.absorb(arrivedSecond, 2);
        later.absorb(session(300, ClickEventType.CHECKOUT, "/checkout"), 2);

        UserSession result = later.toUserSession("ann");
        assertEquals(List.of("/first", "/second"), result.getPages(), "earliest two; equal times in arrival order");
        assertEquals(3, result.getPageCount());
        assertEquals(4, result.getEventCount());
        assertTrue(result.getConverted());
        assertEquals(Instant.ofEpochMilli(100), result.getSessionStart());
        assertEquals(Instant.ofEpochMilli(500), result.getSessionEnd());
        assertEquals("ann-100", result.getSessionId());
    }

    private static OpenSession session(long time, ClickEventType type, String page) {
        ClickEvent click = ClickEvent.newBuilder()
                .setEventId("c" + time)
                .setEventTime(Instant.ofEpochMilli(time))
                .setUserId("ann")
                .setEventType(type)
                .setPageUrl(page)
                .build();
        return OpenSession.of(click, time, 2);
    }
}
