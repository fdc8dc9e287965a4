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
package org.retailstream.stack.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retailstream.events.topics.DeadLetters;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.stack.nifi.SiteToSiteBridge;
import org.retailstream.stack.shop.PosTerminals;
import org.retailstream.stack.shop.ShopSimulator;
import org.retailstream.stack.shop.Tally;
import org.retailstream.stack.watch.OutputWatcher;

/**
 * The books of a run, checked at its end: for each path, what the simulators produced against what
 * reached Kafka (LOST must be 0), and for each job, what it consumed of each input, how much of it was
 * dead-lettered and how far behind it was left (its lag; nothing it did not read is lost, the next
 * run reads it).
 */
public final class Reconciliation {

    /**
     * A producing path: produced is what the simulator wrote (and the broker acknowledged, for direct
     * paths); duplicated counts the records in Kafka that repeat an earlier one by identity (Flume: the
     * same retail.event.id; NiFi: the same price emitted again unchanged).
     */
    public record PathLine(
            String path, String topic, long produced, long malformed, long inKafka, long failed, long duplicated) {
        /** Produced but not in Kafka, duplicates not counting as delivered. */
        public long lost() {
            return Math.max(0, produced - (inKafka - duplicated));
        }

        /** Distinct records beyond what this run produced: left over from an earlier run and shipped by this one. */
        public long extra() {
            return Math.max(0, inKafka - duplicated - produced);
        }
    }

    /** A job output this run: its records and how many repeat an earlier one (must be 0: exactly once). */
    public record OutputLine(String topic, long records, long duplicated) {}

    /** One job's share of one input topic. */
    public record JobLine(String job, String topic, long consumed, long deadLettered, long lag, long outputs) {}

    /** A dead-letter topic's count this run and the reason given by its latest letter. */
    public record DeadLetterLine(String topic, long count, String latestError) {}

    private final List<PathLine> paths = new ArrayList<>();
    private final List<JobLine> jobs = new ArrayList<>();
    private final List<DeadLetterLine> deadLetters = new ArrayList<>();
    private final List<OutputLine> outputs = new ArrayList<>();

    /**
     * @param inKafka records per topic that arrived this run (read_committed end offsets, end minus start)
     */
    public static Reconciliation of(
            Tally tally,
            Map<String, Long> inKafka,
            Map<String, Integer> nifiUndelivered,
            Map<String, Map<String, long[]>> jobInputs,
            Map<String, String> jobOutputs,
            OutputWatcher watcher,
            Map<String, Long> repeats) {
        Reconciliation books = new Reconciliation();
        for (RetailTopic topic : List.of(
                RetailTopic.CART_UPDATES,
                RetailTopic.CHECKOUT_EVENTS,
                RetailTopic.INVENTORY_UPDATES,
                RetailTopic.PRICE_RULES_UPDATE)) {
            String name = topic.topicName();
            books.paths.add(new PathLine(
                    "shop -> Kafka",
                    name,
                    tally.get(name, "acked"),
                    tally.get(name, "malformed"),
                    inKafka.getOrDefault(name, 0L),
                    tally.get(name, "failed"),
                    repeats.getOrDefault(name, 0L)));
        }
        nifiUndelivered.forEach((topic, waiting) -> {
            // What the bridge took from NiFi over site-to-site (confirmed only once Kafka had it); FlowFiles
            // NiFi still holds at the port count as failed: nothing is lost, but the path did not drain.
            books.paths.add(new PathLine(
                    "NiFi -> Kafka",
                    topic,
                    tally.get(SiteToSiteBridge.tallyPath(topic), "records"),
                    0,
                    inKafka.getOrDefault(topic, 0L),
                    waiting,
                    repeats.getOrDefault(topic, 0L)));
        });
        books.paths.add(flumePath(
                "web log -> Flume",
                ShopSimulator.CLICK_LOG,
                RetailTopic.USER_CLICKSTREAM,
                tally,
                inKafka,
                watcher,
                repeats));
        books.paths.add(flumePath(
                "POS logs -> Flume", PosTerminals.POS_LOGS, RetailTopic.POS_LOGS, tally, inKafka, watcher, repeats));
        jobInputs.forEach((job, inputs) -> inputs.forEach((topic, consumedAndLag) -> books.jobs.add(new JobLine(
                job,
                topic,
                consumedAndLag[0],
                watcher.deadLetters(DeadLetters.topicNameFor(topic), "flink:" + job),
                consumedAndLag[1],
                watcher.records(jobOutputs.getOrDefault(job, ""))))));
        new java.util.TreeSet<>(jobOutputs.values())
                .forEach(output -> books.outputs.add(
                        new OutputLine(output, watcher.records(output), repeats.getOrDefault(output, 0L))));
        for (RetailTopic topic : RetailTopic.values()) {
            String dlq = topic.deadLetterTopicName();
            long count = watcher.records(dlq);
            if (count > 0) {
                books.deadLetters.add(new DeadLetterLine(dlq, count, watcher.latestError(dlq)));
            }
        }
        return books;
    }

    private static PathLine flumePath(
            String path,
            String tallyName,
            RetailTopic topic,
            Tally tally,
            Map<String, Long> inKafka,
            OutputWatcher watcher,
            Map<String, Long> repeats) {
        // A line the sink could not deliver at all goes to the topic's dead letters, stage flume:<agent>.
        long flumeDeadLetters = watcher.deadLettersByStage().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(DeadLetters.topicNameFor(topic.topicName()) + "|flume:"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return new PathLine(
                path,
                topic.topicName(),
                tally.get(tallyName, "lines"),
                tally.get(tallyName, "malformed"),
                inKafka.getOrDefault(topic.topicName(), 0L) + flumeDeadLetters,
                0,
                repeats.getOrDefault(topic.topicName(), 0L));
    }

    /**
     * Nothing lost on any path, every job read everything that reached its inputs, and no job output
     * holds a record twice (the jobs write exactly once; the ingest paths may repeat, identifiably).
     */
    public boolean balanced() {
        return paths.stream().allMatch(path -> path.lost() == 0 && path.failed() == 0)
                && jobs.stream().allMatch(job -> job.lag() == 0)
                && outputs.stream().allMatch(output -> output.duplicated() == 0);
    }

    public List<OutputLine> outputs() {
        return outputs;
    }

    public List<PathLine> paths() {
        return paths;
    }

    public List<JobLine> jobs() {
        return jobs;
    }

    public String render() {
        StringBuilder text = new StringBuilder("\nReconciliation of this run\n");
        text.append(String.format(
                "%-20s %-20s %10s %10s %10s %6s %10s %7s%n",
                "PATH", "TOPIC", "PRODUCED", "MALFORMED", "IN KAFKA", "LOST", "DUPLICATED", "EXTRA"));
        for (PathLine path : paths) {
            text.append(String.format(
                    "%-20s %-20s %,10d %,10d %,10d %,6d %,10d %,7d%n",
                    path.path(),
                    path.topic(),
                    path.produced(),
                    path.malformed(),
                    path.inKafka(),
                    path.lost(),
                    path.duplicated(),
                    path.extra()));
        }
        text.append(String.format(
                "%n%-18s %-20s %10s %13s %8s %9s%n", "JOB", "INPUT", "CONSUMED", "DEAD-LETTERED", "LAG", "OUTPUTS"));
        for (JobLine job : jobs) {
            text.append(String.format(
                    "%-18s %-20s %,10d %,13d %,8d %,9d%n",
                    job.job(), job.topic(), job.consumed(), job.deadLettered(), job.lag(), job.outputs()));
        }
        text.append(String.format("%n%-24s %10s %10s%n", "OUTPUT (exactly once)", "RECORDS", "DUPLICATED"));
        for (OutputLine output : outputs) {
            text.append(String.format("%-24s %,10d %,10d%n", output.topic(), output.records(), output.duplicated()));
        }
        if (!deadLetters.isEmpty()) {
            text.append(String.format("%n%-22s %8s  %s%n", "DEAD LETTERS", "COUNT", "WHY (the latest letter's error)"));
            for (DeadLetterLine letter : deadLetters) {
                String why = letter.latestError() == null ? "" : letter.latestError();
                text.append(String.format(
                        "%-22s %,8d  %s%n",
                        letter.topic(), letter.count(), why.length() > 90 ? why.substring(0, 87) + "..." : why));
            }
        }
        for (PathLine path : paths) {
            if (path.failed() > 0) {
                text.append(String.format(
                        "NOT DELIVERED: %,d on %s (%s): the producer gave up, or NiFi still holds them at its port%n",
                        path.failed(), path.topic(), path.path()));
            }
        }
        if (paths.stream().anyMatch(path -> path.duplicated() > 0)) {
            text.append("DUPLICATED: lines an agent delivered again after it was killed (at-least-once; counted by"
                    + " their retail.event.id), or prices NiFi emitted again unchanged.\n");
        }
        if (paths.stream().anyMatch(path -> path.extra() > 0)) {
            text.append("EXTRA: records an earlier run wrote and this one shipped.\n");
        }
        text.append(
                balanced()
                        ? "\nBALANCED: every produced event reached Kafka and every job read all of its inputs.\n"
                        : "\nNOT BALANCED: see LOST, LAG and the outputs' DUPLICATED above; the logs are in the data"
                                + " folder's logs/.\n");
        return text.toString();
    }
}
