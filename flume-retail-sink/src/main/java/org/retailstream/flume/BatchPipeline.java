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
package org.retailstream.flume;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.Sink.Status;

/**
 * Keeps up to {@code depth} channel batches in flight on worker threads (each owns its channel
 * transaction, as Flume requires). Flume's sink runner calls {@link #next()} as it would call
 * {@code process()}: it tops the pipeline up and reports the oldest batch's result, so back-off and
 * error handling work as with one batch at a time.
 */
final class BatchPipeline implements AutoCloseable {

    /** One batch: take, send, await, commit. */
    @FunctionalInterface
    interface BatchTask {
        Status run() throws EventDeliveryException;
    }

    private final int depth;
    private final BatchTask task;
    private final ExecutorService workers;
    private final Deque<Future<Status>> inFlight = new ArrayDeque<>();
    private Status last = Status.READY;

    BatchPipeline(String sinkName, int depth, BatchTask task) {
        this.depth = depth;
        this.task = task;
        this.workers = Executors.newFixedThreadPool(depth, runnable -> {
            Thread thread = new Thread(runnable, "sink-" + sinkName + "-batch");
            thread.setDaemon(true);
            return thread;
        });
    }

    Status next() throws EventDeliveryException {
        // After an empty batch, one at a time: no point in polling an empty channel in parallel.
        int target = last == Status.READY ? depth : 1;
        while (inFlight.size() < target) {
            inFlight.add(workers.submit(task::run));
        }
        Future<Status> oldest = inFlight.poll();
        try {
            last = oldest.get();
            return last;
        } catch (ExecutionException e) {
            last = Status.BACKOFF;
            Throwable cause = e.getCause();
            throw cause instanceof EventDeliveryException ede ? ede : new EventDeliveryException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventDeliveryException("Interrupted while waiting for a batch", e);
        }
    }

    /** Lets the batches in flight finish (they commit or roll back), then stops the workers. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        inFlight.clear();
    }
}
