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
package org.retailstream.flume.deliver;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.retailstream.flume.route.InvalidEventException;

/** Why a record was not delivered, which decides what the sink does next. */
public enum FailureKind {
    /** The event itself can never be delivered (too large, invalid): dead-letter it or stop. */
    POISON,
    /** The cluster is unreachable or busy: roll back, keep the events in the channel, retry later. */
    TRANSIENT,
    /** The producer cannot go on (fenced, unauthorized, sequence lost): roll back and recreate it. */
    PRODUCER_BROKEN;

    public static FailureKind of(Throwable error) {
        if (error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException
                || error instanceof SerializationException
                || error instanceof InvalidTopicException
                || error instanceof InvalidEventException) {
            return POISON;
        }
        if (error instanceof ProducerFencedException
                || error instanceof OutOfOrderSequenceException
                || error instanceof AuthenticationException
                || error instanceof AuthorizationException
                || error instanceof UnsupportedVersionException
                || error instanceof IllegalStateException) {
            return PRODUCER_BROKEN;
        }
        return TRANSIENT;
    }
}
