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
package org.retailstream.stack.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.stack.watch.JobProgress;
import org.retailstream.stack.watch.OutputWatcher;
import org.retailstream.stack.watch.PipelineHealth;

/**
 * The live console: a table refreshed every few seconds, redrawn in place on a terminal and printed
 * as successive blocks when the output goes to a file or a pipe.
 */
public final class SummaryScreen {

    private static final String CLEAR = "\u001b[H\u001b[2J";

    private final PrintStream out;
    private final boolean redraw;

    public SummaryScreen(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    public void show(double shopRate, PipelineHealth health, OutputWatcher watcher, Map<String, Long> memoryMiB) {
        StringBuilder screen = new StringBuilder(redraw ? CLEAR : "\n");
        screen.append(String.format(
                "retail-stream  up %s  shop %.0f events/s  (Ctrl-C stops, then reconciles)%n",
                clock(Duration.ofSeconds(health.uptimeSeconds())), shopRate));
        StringBuilder memory = new StringBuilder("memory (RSS, MiB):");
        memoryMiB.forEach((part, mib) -> memory.append(String.format("  %s %,d", part, mib)));
        screen.append(memory).append(String.format("%n"));
        screen.append(
                String.format("%n%-24s %10s %9s %12s%n", "TOPIC (this run)", "RECORDS", "PER SEC", "DEAD LETTERS"));
        for (PipelineHealth.TopicFlow topic : health.topics()) {
            screen.append(String.format(
                    "%-24s %,10d %9.0f %,12d%n",
                    topic.topic(), topic.records(), topic.perSecond(), topic.deadLetters()));
        }
        screen.append(String.format("%n%-23s %-11s %-24s %9s %8s%n", "JOB", "STATE", "OUTPUT", "RECORDS", "LAG"));
        for (JobProgress job : health.jobs()) {
            // A Spark job's offsets are in its checkpoint, not a consumer group: no lag to show.
            String lag = job.lag() < 0 ? "-" : String.format("%,d", job.lag());
            screen.append(String.format(
                    "%-23s %-11s %-24s %,9d %8s%n", job.job(), job.state(), job.output(), job.outputRecords(), lag));
        }
        latest(
                screen,
                "Price recommendations",
                watcher.latest(RetailTopic.PRICE_RECOMMENDATIONS.topicName()),
                "sku",
                "recommended_price",
                "currency",
                "reason");
        latest(
                screen,
                "Abandoned carts",
                watcher.latest(RetailTopic.CART_ABANDONMENT_ALERTS.topicName()),
                "user_id",
                "cart_value",
                "currency",
                "items");
        latest(
                screen,
                "POS health",
                watcher.latest(RetailTopic.POS_HEALTH.topicName()),
                "store_id",
                "terminal_id",
                "status",
                "reason");
        latest(
                screen,
                "Revenue per category",
                watcher.latest(RetailTopic.CATEGORY_REVENUE.topicName()),
                "window_start",
                "category",
                "revenue",
                "currency");
        latest(
                screen,
                "Fraud alerts",
                watcher.latest(RetailTopic.FRAUD_ALERTS.topicName()),
                "user_id",
                "country",
                "total_amount",
                "pattern");
        out.print(screen);
        out.flush();
    }

    private static void latest(StringBuilder screen, String title, List<SpecificRecord> records, String... fields) {
        screen.append(String.format("%n%s:%s%n", title, records.isEmpty() ? " none yet" : ""));
        for (SpecificRecord record : records.subList(0, Math.min(3, records.size()))) {
            StringBuilder line = new StringBuilder("  ");
            for (String field : fields) {
                Object value = record.get(record.getSchema().getField(field).pos());
                String text = value instanceof List<?> list ? list.size() + " items" : String.valueOf(value);
                line.append(text.length() > 48 ? text.substring(0, 45) + "..." : text)
                        .append("  ");
            }
            screen.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String clock(Duration uptime) {
        return String.format("%02d:%02d:%02d", uptime.toHours(), uptime.toMinutesPart(), uptime.toSecondsPart());
    }
}
