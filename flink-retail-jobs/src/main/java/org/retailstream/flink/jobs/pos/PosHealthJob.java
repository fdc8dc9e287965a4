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
package org.retailstream.flink.jobs.pos;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.events.model.PosHealthAlert;
import org.retailstream.events.model.PosLogEntry;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.EventTypeInfo;
import org.retailstream.flink.connect.KafkaOptions;
import org.retailstream.flink.connect.LateEventLetter;
import org.retailstream.flink.connect.Lateness;
import org.retailstream.flink.connect.RetailKafka;
import org.retailstream.flink.job.JobSettings;
import org.retailstream.flink.job.RetailJob;

/** POS terminal health from the log lines the Flume sink ships (see {@link TerminalHealth}). */
public final class PosHealthJob implements RetailJob {

    @Override
    public void build(StreamExecutionEnvironment env, JobSettings settings) {
        KafkaOptions kafka = settings.kafka();
        // A line whose window the watermark has closed goes to pos_logs_dlq as read.
        DataStream<PosLogEntry> lines = RetailKafka.readPosLogs(
                env,
                kafka,
                Lateness.windowClosed(settings.duration(PosHealthSpec.WINDOW).toMillis(), 0),
                settings.stage(),
                settings.bounded());
        SingleOutputStreamOperator<PosHealthAlert> health = lines.keyBy(
                        line -> line.getStoreId() + "|" + line.getTerminalId())
                .process(
                        new TerminalHealth(
                                settings.duration(PosHealthSpec.WINDOW),
                                settings.decimal(PosHealthSpec.MAX_ERROR_RATE),
                                settings.integer(PosHealthSpec.MIN_LINES)),
                        EventTypeInfo.forEvent(PosHealthAlert.class))
                .name("terminal health")
                .uid("terminal-health");
        RetailKafka.write(health, RetailTopic.POS_HEALTH, PosHealthAlert.class, PosHealthAlert::getStoreId, kafka);
        RetailKafka.deadLetters(
                health.getSideOutput(TerminalHealth.LATE)
                        .map(new LateEventLetter<>(
                                RetailTopic.POS_LOGS, PosLogEntry.class, PosLogEntry::getStoreId, settings.stage()))
                        .name("late POS lines"),
                kafka,
                "late-pos-lines");
    }
}
