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

import org.apache.flume.instrumentation.SinkCounter;

/**
 * Flume's {@link SinkCounter} plus Kafka delivery counters; shows up in the agent's JSON and JMX
 * monitoring like every Flume component's counters.
 */
public final class KafkaSinkMetrics extends SinkCounter implements KafkaSinkMetricsMBean {

    private static final String SEND_TIMER = "channel.kafka.event.send.time";
    private static final String ROLLBACKS = "channel.rollback.count";
    private static final String DEAD_LETTERS = "channel.kafka.dead.letter.count";

    public KafkaSinkMetrics(String sinkName) {
        super(sinkName, new String[] {SEND_TIMER, ROLLBACKS, DEAD_LETTERS});
    }

    public void addSendTime(long millis) {
        addAndGet(SEND_TIMER, millis);
    }

    public void incrementRollbacks() {
        increment(ROLLBACKS);
    }

    public void addDeadLetters(long count) {
        addAndGet(DEAD_LETTERS, count);
    }

    @Override
    public long getKafkaEventSendTimer() {
        return get(SEND_TIMER);
    }

    @Override
    public long getRollbackCount() {
        return get(ROLLBACKS);
    }

    @Override
    public long getDeadLetterCount() {
        return get(DEAD_LETTERS);
    }
}
