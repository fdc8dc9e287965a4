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
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.ClickEventType;
import org.retailstream.events.model.UserSession;

/**
 * Summarises one session window. The session id is the user and the first click's time, so a
 * replayed job produces the same ids; a session converted if it contains a checkout click.
 */
final class ToUserSession extends ProcessWindowFunction<ClickEvent, UserSession, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final int maxPages;

    ToUserSession(int maxPages) {
        this.maxPages = maxPages;
    }

    @Override
    public void process(String user, Context context, Iterable<ClickEvent> clicks, Collector<UserSession> out) {
        List<ClickEvent> ordered = new ArrayList<>();
        clicks.forEach(ordered::add);
        ordered.sort(java.util.Comparator.comparing(ClickEvent::getEventTime));
        Instant start = ordered.get(0).getEventTime();
        Instant end = ordered.get(ordered.size() - 1).getEventTime();
        List<String> pages = new ArrayList<>();
        int pageCount = 0;
        boolean converted = false;
        for (ClickEvent click : ordered) {
            ClickEventType type = click.getEventType();
            if (type == ClickEventType.PAGE_VIEW || type == ClickEventType.PRODUCT_VIEW) {
                pageCount++;
                if (pages.size() < maxPages) {
                    pages.add(click.getPageUrl().toString());
                }
            }
            converted |= type == ClickEventType.CHECKOUT;
        }
        out.collect(UserSession.newBuilder()
                .setSessionId(user + "-" + start.toEpochMilli())
                .setUserId(user)
                .setSessionStart(start)
                .setSessionEnd(end)
                .setDurationMs(end.toEpochMilli() - start.toEpochMilli())
                .setEventCount(ordered.size())
                .setPageCount(pageCount)
                .setPages(pages)
                .setConverted(converted)
                .build());
    }
}
