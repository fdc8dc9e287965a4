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

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.functions.MapFunction;
import org.retailstream.events.topics.RetailTopic;

/**
 * A job's own intermediate record (a cart state, a payment) that reached a CEP operator behind the
 * watermark: CEP cannot use it, so it goes to the input's dead-letter topic as JSON with the reason.
 */
public final class LateStateLetter<T> implements MapFunction<T, DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final RetailTopic input;
    private final RetailKafka.KeyOf<T> key;
    private final String stage;
    private transient ObjectMapper json;

    public LateStateLetter(RetailTopic input, RetailKafka.KeyOf<T> key, String stage) {
        this.input = input;
        this.key = key;
        this.stage = stage;
    }

    @Override
    public DeadLetter map(T late) {
        if (json == null) {
            json = new ObjectMapper();
        }
        try {
            return DeadLetter.late(
                    input,
                    key.apply(late),
                    json.writeValueAsBytes(late),
                    "behind the watermark when it reached the pattern; not matched",
                    stage);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
