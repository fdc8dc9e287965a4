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
package org.retailstream.spark.connect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Spark's silent drop of late rows visible: after each micro-batch, the rows its stateful
 * operators dropped for being behind the watermark are logged and added to a per-query count (also in
 * each query's progress, {@code stateOperators[].numRowsDroppedByWatermark}, and the Spark UI).
 */
public final class LateRows extends StreamingQueryListener {

    private static final Logger LOG = LoggerFactory.getLogger(LateRows.class);

    private final Map<String, AtomicLong> dropped = new ConcurrentHashMap<>();

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        long batch = 0;
        for (StateOperatorProgress operator : event.progress().stateOperators()) {
            batch += operator.numRowsDroppedByWatermark();
        }
        String query = String.valueOf(event.progress().name());
        long total = dropped.computeIfAbsent(query, name -> new AtomicLong()).addAndGet(batch);
        if (batch > 0) {
            LOG.warn(
                    "{} batch {}: {} row(s) behind the watermark {} dropped ({} in all)",
                    query,
                    event.progress().batchId(),
                    batch,
                    event.progress().eventTime().get("watermark"),
                    total);
        }
    }

    /** Rows the query named {@code query} dropped as late since this listener was added. */
    public long dropped(String query) {
        AtomicLong count = dropped.get(query);
        return count == null ? 0 : count.get();
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
}
