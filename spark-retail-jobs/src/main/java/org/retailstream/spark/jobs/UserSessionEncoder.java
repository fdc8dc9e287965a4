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

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.api.java.UDF7;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.UserSession;
import org.retailstream.events.topics.RetailTopic;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** A session's figures as the contract's user_sessions record, with the Flink job's session id (user-first click ms). */
final class UserSessionEncoder implements UDF7<String, Timestamp, Timestamp, Long, Long, Boolean, Seq<String>, byte[]> {

    private static final long serialVersionUID = 1L;

    private transient EventCodec<UserSession> codec;

    @Override
    public byte[] call(
            String user,
            Timestamp first,
            Timestamp last,
            Long events,
            Long pageViews,
            Boolean converted,
            Seq<String> pages) {
        if (codec == null) {
            codec = EventCodec.forTopic(RetailTopic.USER_SESSIONS, UserSession.class);
        }
        long start = first.getTime();
        long end = last.getTime();
        List<String> urls = pages == null ? List.of() : List.copyOf(CollectionConverters.asJava(pages));
        return codec.encode(UserSession.newBuilder()
                .setSessionId(user + "-" + start)
                .setUserId(user)
                .setSessionStart(first.toInstant())
                .setSessionEnd(last.toInstant())
                .setDurationMs(end - start)
                .setEventCount(Math.toIntExact(events))
                .setPageCount(Math.toIntExact(pageViews))
                .setPages(urls)
                .setConverted(Boolean.TRUE.equals(converted))
                .build());
    }
}
