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

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.retailstream.events.topics.RetailTopic;

/**
 * A record on its way to the dead-letter topic.
 *
 * @param raw the record as read
 * @param error why it could not be processed
 * @param stage who gave up on it, e.g. {@code flink:category-revenue}
 */
public record DeadLetter(RawRecord raw, String error, String stage) implements Serializable {

    /**
     * A record the job itself derived from {@code input} that came too late to be used: written to the
     * input's dead-letter topic, without a source partition and offset, with the error {@code late: <why>}.
     */
    public static DeadLetter late(RetailTopic input, String key, byte[] value, String why, String stage) {
        return new DeadLetter(
                RawRecord.derived(input.topicName(), key.getBytes(StandardCharsets.UTF_8), value),
                "late: " + why,
                stage);
    }
}
