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
package org.retailstream.flink.bench;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Watches the records every Kafka source of a running job has read, through Flink's own
 * numRecordsIn counters, so a benchmark can time the input from its first to its last record:
 * the steady rate, without the job's start-up and its final checkpoint (which, with a 10 s
 * interval and Flink's random first delay, is most of the noise in a 10 s wall-clock figure).
 * Installed on the MiniCluster with {@link #install(Configuration)}.
 */
public final class SourceProgress implements MetricReporter {

    private static final Map<String, Counter> SOURCE_COUNTERS = new ConcurrentHashMap<>();

    /** Adds this reporter to a MiniCluster configuration. */
    static Configuration install(Configuration configuration) {
        configuration.setString("metrics.reporter.progress.factory.class", Factory.class.getName());
        return configuration;
    }

    /** Times one run: call before submitting, then {@link Timing#await} from another thread. */
    static Timing start(long expectedRecords) {
        SOURCE_COUNTERS.clear();
        Timing timing = new Timing(expectedRecords);
        Thread watcher = new Thread(timing::watch, "bench-source-progress");
        watcher.setDaemon(true);
        watcher.start();
        return timing;
    }

    /** First and last record read, sampled every 10 ms. */
    static final class Timing {
        private final long expected;
        private volatile long firstNanos;
        private volatile long lastNanos;

        private Timing(long expected) {
            this.expected = expected;
        }

        private void watch() {
            while (lastNanos == 0) {
                long read = SOURCE_COUNTERS.values().stream()
                        .mapToLong(Counter::getCount)
                        .sum();
                long now = System.nanoTime();
                if (read > 0 && firstNanos == 0) {
                    firstNanos = now;
                }
                if (read >= expected) {
                    lastNanos = now;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Events per second from the first to the last input record, or NaN if not all were read. */
        double steadyRate() {
            if (lastNanos == 0 || lastNanos == firstNanos) {
                return Double.NaN;
            }
            return expected / ((lastNanos - firstNanos) / 1e9);
        }
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (metric instanceof Counter counter && "numRecordsIn".equals(metricName) && isSourceOperator(group)) {
            SOURCE_COUNTERS.put(group.getMetricIdentifier(metricName), counter);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {}

    /** The head of a chain whose task is named "Source: ..." is a source operator. */
    private static boolean isSourceOperator(MetricGroup group) {
        Map<String, String> variables = group.getAllVariables();
        String task = variables.get("<task_name>");
        String operator = variables.get("<operator_name>");
        return task != null
                && operator != null
                && task.startsWith("Source: ")
                && (task.startsWith("Source: " + operator) || task.startsWith(operator));
    }

    /** Flink instantiates reporters through a factory named in the configuration. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new SourceProgress();
        }
    }
}
