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
package org.retailstream.flink.job;

import java.util.List;

/** The options every job accepts (no Flink classes here: --help works without Flink on the classpath). */
public final class CommonOptions {

    public static final List<JobOption> ALL = List.of(
            new JobOption("bootstrap-servers", "localhost:9092", "Kafka brokers, host:port[,host:port]."),
            new JobOption("group-id", "retail-<job>", "Consumer group of the job's Kafka sources."),
            new JobOption("parallelism", "", "Operator parallelism (default: the cluster's)."),
            new JobOption(
                    "checkpoint-interval", "10s", "Checkpoint interval; Kafka output is committed at each checkpoint."),
            new JobOption(
                    "checkpoint-dir",
                    "",
                    "Checkpoint storage, e.g. file:///data/checkpoints or s3://bucket/path (default: job manager memory)."),
            new JobOption(
                    "delivery-guarantee",
                    "exactly-once",
                    "Kafka output: exactly-once (transactions), at-least-once or none."),
            new JobOption(
                    "transactional-id-prefix",
                    "retail-<job>",
                    "Prefix of the Kafka transactional ids; unique per job on a cluster."),
            new JobOption(
                    "client-properties",
                    "",
                    "A properties file of Kafka client settings (security.protocol, sasl.*, ssl.*)."),
            new JobOption(
                    "topics",
                    "",
                    "Kafka topics other than the catalogue's, as name=actual[,name=actual], e.g."
                            + " checkout_events=shop.checkouts; dead letters go to <actual>_dlq."),
            new JobOption(
                    "out-of-orderness", "5s", "How late an event may arrive behind the newest one of its partition."),
            new JobOption(
                    "idleness", "1min", "A partition without events for this long stops holding back the watermark."),
            new JobOption(
                    "watermark-per-event",
                    "false",
                    "Emit a watermark after every event (deterministic lateness for replays) instead of every 200 ms."),
            new JobOption(
                    "watermark-alignment",
                    "0s",
                    "How far in event time a partition may read ahead of the job's slowest one before it is paused,"
                            + " e.g. 5min: bounds what windows and patterns buffer while a multi-input job catches up"
                            + " on a backlog; 0s (default) reads every partition as fast as it can."),
            new JobOption(
                    "restart-attempts",
                    "",
                    "Restarts after failures before the job fails (default: Flink's, exponential back-off without limit)."),
            new JobOption(
                    "starting-offsets",
                    "committed",
                    "Where the Kafka sources start unless the job resumes from a checkpoint or savepoint:"
                            + " committed (the group's offsets, earliest where it has none), earliest, latest, or"
                            + " timestamp:<ISO-8601 instant or epoch ms>. A backfill of data the group has read"
                            + " needs earliest or a timestamp."),
            new JobOption(
                    "bounded",
                    "false",
                    "Read the input topics up to their current end and stop (tests, benchmarks, backfills)."));

    private CommonOptions() {}
}
