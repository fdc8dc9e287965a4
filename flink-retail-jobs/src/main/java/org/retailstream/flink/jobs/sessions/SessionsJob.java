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

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.events.model.ClickEvent;
import org.retailstream.events.model.UserSession;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.EventTypeInfo;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.LateEventLetter;
import org.retailstream.flink.connect.RetailKafka;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.JobSources;
import org.retailstream.flink.job.RetailJob;

/**
 * Clickstream sessions per user: a session ends after a gap without clicks (event time); clicks too
 * late to join or open a session go to user_clickstream_dlq.
 */
public final class SessionsJob implements RetailJob {

    @Override
    public void build(StreamExecutionEnvironment env, JobSettings settings) {
        KafkaOptions kafka = settings.kafka();
        long gap = settings.duration(SessionsSpec.GAP).toMillis();
        // A click whose own session window (the click plus the gap) the watermark has passed goes to the
        // dead letters as read; one still within it may join or open a session.
        DataStream<ClickEvent> clicks = JobSources.read(
                env,
                settings,
                RetailTopic.USER_CLICKSTREAM,
                ClickEvent.class,
                click -> click.getEventTime().toEpochMilli(),
                (click, time, watermark) -> time + gap - 1 <= watermark);
        SingleOutputStreamOperator<UserSession> sessions = clicks.keyBy(
                        click -> click.getUserId().toString())
                .process(
                        new SessionTracker(gap, settings.integer(SessionsSpec.MAX_PAGES)),
                        EventTypeInfo.forEvent(UserSession.class))
                .name("session windows")
                .uid("sessions");
        RetailKafka.write(sessions, RetailTopic.USER_SESSIONS, UserSession.class, UserSession::getUserId, kafka);
        RetailKafka.deadLetters(
                sessions.getSideOutput(SessionTracker.LATE)
                        .map(new LateEventLetter<>(
                                RetailTopic.USER_CLICKSTREAM,
                                ClickEvent.class,
                                click -> click.getUserId().toString(),
                                settings.stage()))
                        .name("late clicks"),
                kafka,
                "late-clicks");
    }
}
