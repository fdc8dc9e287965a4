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

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.flink.connect.Lateness;
import org.retailstream.flink.connect.RetailKafka;

/** A job's typed input, read with the job's Kafka options, stage name and boundedness. */
public final class JobSources {

    private JobSources() {}

    public static <T extends SpecificRecord> DataStream<T> read(
            StreamExecutionEnvironment env,
            JobSettings settings,
            RetailTopic topic,
            Class<T> type,
            RetailKafka.EventTime<T> eventTime) {
        return read(env, settings, topic, type, eventTime, Lateness.never());
    }

    /** The input, with the events {@code lateness} says the job can no longer use dead-lettered as read. */
    public static <T extends SpecificRecord> DataStream<T> read(
            StreamExecutionEnvironment env,
            JobSettings settings,
            RetailTopic topic,
            Class<T> type,
            RetailKafka.EventTime<T> eventTime,
            Lateness<T> lateness) {
        return RetailKafka.read(
                env, topic, type, eventTime, lateness, settings.kafka(), settings.stage(), settings.bounded());
    }
}
