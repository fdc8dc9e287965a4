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

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Collects the producer's acknowledgements for one batch. One latch for the batch instead of one
 * future per record: the sink thread wakes up once, when the last acknowledgement arrives.
 */
final class AckTracker {

    private final Throwable[] errors;
    private final int[] arrival;
    private final java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();
    private final CountDownLatch pending;
    private volatile Throwable stopSending;

    AckTracker(int size) {
        this.errors = new Throwable[size];
        this.arrival = new int[size];
        this.pending = new CountDownLatch(size);
    }

    Callback callbackFor(int index) {
        return (metadata, error) -> {
            errors[index] = error; // written before countDown: visible to the awaiting thread
            arrival[index] = arrivals.getAndIncrement();
            if (error != null && FailureKind.of(error) != FailureKind.POISON) {
                stopSending = error;
            }
            pending.countDown();
        };
    }

    /**
     * A failure that will hit every further send too (no metadata within max.block.ms, a broken
     * transaction), or null. Sending on would block or fail record by record for nothing.
     */
    Throwable stopSendingReason() {
        return stopSending;
    }

    /** Records a failure raised by {@code send()} itself, before the record reached the producer. */
    void failedToSend(int index, Throwable error) {
        errors[index] = error;
        arrival[index] = arrivals.getAndIncrement();
        if (FailureKind.of(error) != FailureKind.POISON) {
            stopSending = error;
        }
        pending.countDown();
    }

    SendOutcome await(Duration timeout) throws InterruptedException {
        if (!pending.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            TimeoutException timedOut = new TimeoutException("no acknowledgement within " + timeout);
            for (int i = 0; i < errors.length; i++) {
                if (errors[i] == null) {
                    errors[i] = timedOut; // may still arrive later: a retry can then duplicate it
                    arrival[i] = Integer.MAX_VALUE;
                }
            }
        }
        return new SendOutcome(errors.clone(), arrival.clone());
    }
}
