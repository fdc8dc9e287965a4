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

    /** A producing path: produced is what the simulator wrote (and the broker acknowledged, for direct paths). */
    public record PathLine(String path, String topic, long produced, long malformed, long inKafka, long failed) {
        public long lost() {
            return Math.max(0, produced - inKafka);
        }

        /** Records beyond what this run produced: redelivered after a crash, or left over from an earlier run. */
        public long extra() {
            return Math.max(0, inKafka - produced);
        }
    }

    /** One job's share of one input topic. */
    public record JobLine(String job, String topic, long consumed, long deadLettered, long lag, long outputs) {}

    /** A dead-letter topic's count this run and the reason given by its latest letter. */
    public record DeadLetterLine(String topic, long count, String latestError) {}

    private final List<PathLine> paths = new ArrayList<>();
    private final List<JobLine> jobs = new ArrayList<>();
    private final List<DeadLetterLine> deadLetters = new ArrayList<>();

    /**
     * @param inKafka records per topic that arrived this run (read_committed end offsets, end minus start)
     */
    public static Reconciliation of(
            Tally tally,
            Map<String, Long> inKafka,
            Map<String, Integer> nifiUndelivered,
            Map<String, Map<String, long[]>> jobInputs,
            Map<String, String> jobOutputs,
            OutputWatcher watcher) {
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
                    tally.get(name, "failed")));
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
                    waiting));
        });
        books.paths.add(flumePath(
                "web log -> Flume", ShopSimulator.CLICK_LOG, RetailTopic.USER_CLICKSTREAM, tally, inKafka, watcher));
        books.paths.add(
                flumePath("POS logs -> Flume", PosTerminals.POS_LOGS, RetailTopic.POS_LOGS, tally, inKafka, watcher));
        jobInputs.forEach((job, inputs) -> inputs.forEach((topic, consumedAndLag) -> books.jobs.add(new JobLine(
                job,
                topic,
                consumedAndLag[0],
                watcher.deadLetters(DeadLetters.topicNameFor(topic), "flink:" + job),
                consumedAndLag[1],
                watcher.records(jobOutputs.getOrDefault(job, ""))))));
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
            OutputWatcher watcher) {
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
                0);
    }

    /** Nothing lost on any path, and every job read everything that reached its inputs. */
    public boolean balanced() {
        return paths.stream().allMatch(path -> path.lost() == 0 && path.failed() == 0)
                && jobs.stream().allMatch(job -> job.lag() == 0);
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
                "%-20s %-20s %10s %10s %10s %6s %11s%n",
                "PATH", "TOPIC", "PRODUCED", "MALFORMED", "IN KAFKA", "LOST", "EXTRA"));
        for (PathLine path : paths) {
            text.append(String.format(
                    "%-20s %-20s %,10d %,10d %,10d %,6d %,11d%n",
                    path.path(),
                    path.topic(),
                    path.produced(),
                    path.malformed(),
                    path.inKafka(),
                    path.lost(),
                    path.extra()));
        }
        text.append(String.format(
                "%n%-18s %-20s %10s %13s %8s %9s%n", "JOB", "INPUT", "CONSUMED", "DEAD-LETTERED", "LAG", "OUTPUTS"));
        for (JobLine job : jobs) {
            text.append(String.format(
                    "%-18s %-20s %,10d %,13d %,8d %,9d%n",
                    job.job(), job.topic(), job.consumed(), job.deadLettered(), job.lag(), job.outputs()));
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
        if (paths.stream().anyMatch(path -> path.extra() > 0)) {
            text.append("EXTRA: lines an agent delivered again after it was killed (at-least-once; each carries its"
                    + " retail.event.id), or that an earlier run wrote and this one shipped.\n");
        }
        text.append(
                balanced()
                        ? "\nBALANCED: every produced event reached Kafka and every job read all of its inputs.\n"
                        : "\nNOT BALANCED: see LOST and LAG above; the logs are in the data folder's logs/.\n");
        return text.toString();
    }
}
