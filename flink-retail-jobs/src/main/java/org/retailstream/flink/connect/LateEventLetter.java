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
package org.retailstream.flink.connect;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.topics.RetailTopic;

/**
 * An event that came after the job had closed its window, as a dead letter of its input topic (JSON,
 * with the reason), so it is visible and can be replayed instead of vanishing.
 */
public final class LateEventLetter<T extends SpecificRecord> implements MapFunction<T, DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final RetailTopic topic;
    private final Class<T> type;
    private final RetailKafka.KeyOf<T> key;
    private final String stage;
    private transient EventCodec<T> codec;

    public LateEventLetter(RetailTopic topic, Class<T> type, RetailKafka.KeyOf<T> key, String stage) {
        this.topic = topic;
        this.type = type;
        this.key = key;
        this.stage = stage;
    }

    @Override
    public DeadLetter map(T event) {
        if (codec == null) {
            codec = EventCodec.forTopic(topic, type);
        }
        return DeadLetter.late(
                topic,
                key.apply(event),
                codec.encode(event),
                "the event's window had already been closed by the watermark; not counted",
                stage);
    }
}
