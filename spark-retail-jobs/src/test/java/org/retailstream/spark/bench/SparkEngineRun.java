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
package org.retailstream.spark.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.retailstream.events.topics.TopicNames;
import org.retailstream.spark.jobs.CategoryRevenueJob;
import org.retailstream.spark.jobs.SparkJobSettings;
import org.retailstream.spark.support.LocalSpark;

/**
 * The Spark side of bin/bench engines, in its own JVM (started by flink-retail-jobs' EnginesBenchmark):
 * category-revenue on local[2] from the earliest offsets. {@code throughput} runs until both of the
 * job's queries (the windows and the dead letters, each reading the input once) have read every event,
 * then prints {@code RESULT <steady events/s> <wall events/s>}; {@code live} prints READY and runs
 * until killed.
 * Args: throughput|live bootstrap checkpoint-dir topics events window-ms.
 * -Dbench.sparkShufflePartitions=4: the aggregation's (and its state store's) partitions.
 */
public final class SparkEngineRun {

    public static void main(String[] args) throws Exception {
        boolean live = args[0].equals("live");
        long events = Long.parseLong(args[4]);
        SparkSession spark = LocalSpark.start("bench-engines-spark");
        spark.conf().set("spark.sql.shuffle.partitions", Integer.getInteger("bench.sparkShufflePartitions", 4));
        SparkJobSettings settings = LocalSpark.settings(args[1], Path.of(args[2]), TopicNames.parse(args[3], "topics"));
        Drain drain = new Drain(events);
        spark.streams().addListener(drain);
        long wallStart = System.currentTimeMillis();
        List<StreamingQuery> queries =
                CategoryRevenueJob.start(spark, settings, Duration.ofMillis(Long.parseLong(args[5])));
        System.out.println("READY");
        if (live) {
            spark.streams().awaitAnyTermination();
            return;
        }
        if (!drain.done.await(20, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not drained in 20 min: " + drain.read);
        }
        long wallEnd = System.currentTimeMillis();
        for (StreamingQuery query : queries) {
            query.stop();
        }
        System.out.printf(
                "RESULT %.0f %.0f%n",
                events / ((drain.lastEnd - drain.firstStart) / 1e3), events / ((wallEnd - wallStart) / 1e3));
        spark.stop();
    }

    /** First batch start to the end of the batch that read the last event, over both queries. */
    private static final class Drain extends StreamingQueryListener {
        private final long events;
        private final Map<String, Long> read = new ConcurrentHashMap<>();
        private final Map<String, Boolean> finished = new ConcurrentHashMap<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile long firstStart = Long.MAX_VALUE;
        private volatile long lastEnd;

        Drain(long events) {
            this.events = events;
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {
            finished.put(event.name(), false);
        }

        @Override
        public synchronized void onQueryProgress(QueryProgressEvent event) {
            StreamingQueryProgress progress = event.progress();
            if (progress.numInputRows() == 0) {
                return;
            }
            long start = Instant.parse(progress.timestamp()).toEpochMilli();
            firstStart = Math.min(firstStart, start);
            long total = read.merge(progress.name(), progress.numInputRows(), Long::sum);
            if (total >= events && !finished.get(progress.name())) {
                finished.put(progress.name(), true);
                lastEnd = Math.max(lastEnd, start + progress.durationMs().get("triggerExecution"));
                if (!finished.containsValue(false)) {
                    done.countDown();
                }
            }
        }

        @Override
        public void onQueryIdle(QueryIdleEvent event) {}

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {}
    }

    private SparkEngineRun() {}
}
