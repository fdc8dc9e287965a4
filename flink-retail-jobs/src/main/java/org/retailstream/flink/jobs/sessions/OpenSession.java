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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;
import org.retailstream.events.model.UserSession;

/**
 * A user's session while it is open: its event-time window is [first click, last click + gap), the
 * window Flink's session windows give, and two sessions whose windows touch become one. Counts are
 * kept as clicks arrive instead of keeping the clicks.
 */
public class OpenSession {

    public long firstClick;
    public long lastClick;
    public int events;
    public int pageViews;
    public boolean converted;
    /** The first {@code maxPages} page views in event time; ties keep their arrival order. */
    public List<PageView> pages = new ArrayList<>();

    public OpenSession() {}

    /** A page the user viewed, at its event time. */
    public static class PageView {
        public long time;
        public String url;

        public PageView() {}

        PageView(long time, String url) {
            this.time = time;
            this.url = url;
        }
    }

    static OpenSession of(ClickEvent click, long time, int maxPages) {
        OpenSession session = new OpenSession();
        session.firstClick = time;
        session.lastClick = time;
        session.events = 1;
        ClickEventType type = click.getEventType();
        session.converted = type == ClickEventType.CHECKOUT;
        if (type == ClickEventType.PAGE_VIEW || type == ClickEventType.PRODUCT_VIEW) {
            session.pageViews = 1;
            if (maxPages > 0) {
                session.pages.add(new PageView(time, click.getPageUrl().toString()));
            }
        }
        return session;
    }

    /** The end of the session's window: the time its last click stops keeping it open. */
    long windowEnd(long gap) {
        return lastClick + gap;
    }

    /** Whether the two windows overlap or touch, as Flink's TimeWindow.intersects decides. */
    boolean touches(OpenSession other, long gap) {
        return firstClick <= other.windowEnd(gap) && windowEnd(gap) >= other.firstClick;
    }

    /** This session joined with an earlier-arrived one; its pages are merged in event time. */
    void absorb(OpenSession other, int maxPages) {
        List<PageView> merged = new ArrayList<>(Math.min(maxPages, pages.size() + other.pages.size()));
        int mine = 0;
        int theirs = 0;
        // the other session arrived first: on equal times its pages come first
        while (merged.size() < maxPages && (mine < pages.size() || theirs < other.pages.size())) {
            boolean takeTheirs = mine == pages.size()
                    || (theirs < other.pages.size() && other.pages.get(theirs).time <= pages.get(mine).time);
            merged.add(takeTheirs ? other.pages.get(theirs++) : pages.get(mine++));
        }
        pages = merged;
        firstClick = Math.min(firstClick, other.firstClick);
        lastClick = Math.max(lastClick, other.lastClick);
        events += other.events;
        pageViews += other.pageViews;
        converted |= other.converted;
    }

    UserSession toUserSession(String user) {
        List<String> urls = new ArrayList<>(pages.size());
        pages.forEach(page -> urls.add(page.url));
        return UserSession.newBuilder()
                .setSessionId(user + "-" + firstClick)
                .setUserId(user)
                .setSessionStart(Instant.ofEpochMilli(firstClick))
                .setSessionEnd(Instant.ofEpochMilli(lastClick))
                .setDurationMs(lastClick - firstClick)
                .setEventCount(events)
                .setPageCount(pageViews)
                .setPages(urls)
                .setConverted(converted)
                .build();
    }
}
