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
package org.retailstream.flume.metrics;

import org.apache.flume.instrumentation.SinkCounterMBean;

/** JMX view of {@link KafkaSinkMetrics}: Flume's sink counters plus the Kafka-specific ones. */
public interface KafkaSinkMetricsMBean extends SinkCounterMBean {

    /** Total time spent sending batches and awaiting their acknowledgements, in milliseconds. */
    long getKafkaEventSendTimer();

    /** Channel transactions rolled back because Kafka did not acknowledge a batch. */
    long getRollbackCount();

    /** Poison events written to the dead-letter topic. */
    long getDeadLetterCount();
}
