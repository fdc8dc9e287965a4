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

import java.util.ArrayList;
import java.util.List;

/**
 * What happened to each record of one send: {@code errors[i]} is null if record i was acknowledged.
 */
public final class SendOutcome {

    private final Throwable[] errors;
    /** Order in which the producer reported each record; null when unknown. */
    private final int[] arrival;

    SendOutcome(Throwable[] errors) {
        this(errors, null);
    }

    SendOutcome(Throwable[] errors, int[] arrival) {
        this.errors = errors;
        this.arrival = arrival;
    }

    public static SendOutcome allAcknowledged(int count) {
        return new SendOutcome(new Throwable[count]);
    }

    /** Every record failed with {@code error} (a transaction that could not commit, say). */
    static SendOutcome allFailed(int count, Throwable error) {
        Throwable[] errors = new Throwable[count];
        java.util.Arrays.fill(errors, error);
        return new SendOutcome(errors);
    }

    /**
     * After a Kafka transaction failed: once one send fails, the producer fails every later send of
     * the transaction (and every record still buffered) with that same error. Only the first report
     * of each error, in the order the producer reported them, is the record's own fault; the others
     * are innocent and are sent again.
     */
    SendOutcome withoutCollateralFailures() {
        Throwable[] own = new Throwable[errors.length];
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Integer[] order = new Integer[errors.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (arrival != null) {
            java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> arrival[i]));
        }
        for (int i : order) {
            Throwable error = errors[i];
            if (error != null
                    && !(error instanceof org.apache.kafka.common.errors.TransactionAbortedException)
                    && seen.add(error)
                    && (error.getCause() == null || !seen.contains(error.getCause()))) {
                own[i] = error;
            }
        }
        return new SendOutcome(own);
    }

    public Throwable errorOf(int index) {
        return errors[index];
    }

    public boolean allAcknowledged() {
        for (Throwable error : errors) {
            if (error != null) {
                return false;
            }
        }
        return true;
    }

    /** The worst failure kind present: broken over transient over poison; null if none failed. */
    public FailureKind worstFailure() {
        FailureKind worst = null;
        for (Throwable error : errors) {
            if (error != null) {
                FailureKind kind = FailureKind.of(error);
                if (worst == null || kind.ordinal() > worst.ordinal()) {
                    worst = kind;
                }
            }
        }
        return worst;
    }

    /** Indexes of failed records. */
    public List<Integer> failedIndexes() {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] != null) {
                failed.add(i);
            }
        }
        return failed;
    }

    /** The first error, for messages. */
    public Throwable firstError() {
        for (Throwable error : errors) {
            if (error != null) {
                return error;
            }
        }
        return null;
    }
}
