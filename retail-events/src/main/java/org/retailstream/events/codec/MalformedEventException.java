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
package org.retailstream.events.codec;

/**
 * A payload that cannot be decoded into its topic's record type. The message names the topic, the
 * schema and, where it applies, the offending field, so that a dead-letter header explains itself.
 */
public class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String schemaName;

    public MalformedEventException(String topic, String schemaName, String problem, Throwable cause) {
        super("Cannot decode a record of topic '" + topic + "' as " + schemaName + ": " + problem, cause);
        this.topic = topic;
        this.schemaName = schemaName;
    }

    /** The topic whose record could not be decoded. */
    public String topic() {
        return topic;
    }

    /** Full name of the Avro schema the payload was decoded against. */
    public String schemaName() {
        return schemaName;
    }
}
