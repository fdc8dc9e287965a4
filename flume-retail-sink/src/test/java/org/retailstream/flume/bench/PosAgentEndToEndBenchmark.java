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
package org.retailstream.flume.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retailstream.flume.support.AgentTemplate;
import org.retailstream.flume.support.FlumeAgent;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * End to end: {@code bench.lines} POS log lines of about 200 bytes in a file, shipped by the agent
 * of {@code templates/flume/pos-logs-agent.properties} (TAILDIR, file channel, our sink) into a
 * 3-partition topic with acks=all, timed until the topic's end offsets reach the line count. The
 * baseline, in the same JVM, is what a user of stock Flume would run to get the same records: the
 * template's source, channel, batch sizes and producer tuning, with the enrichment done by stock
 * interceptors and the stock KafkaSink's header mappings ({@link StockEquivalent}).
 *
 * <p>Run: {@code bin/bench flume-agent [-Dbench.lines=N] [-Dbench.rounds=N] [-Dbench.template=other-agent.properties]}.
 */
public final class PosAgentEndToEndBenchmark {

    private static final int LINES = Integer.getInteger("bench.lines", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Path TEMPLATE =
            Path.of(System.getProperty("bench.template", "templates/flume/pos-logs-agent.properties"));

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("pos-agent-bench");
        Path log = writeLog(work.resolve("input"));
        try (TestKafkaBroker broker = TestKafkaBroker.plaintext().start()) {
            System.out.printf(
                    "POS agent end to end: %,d lines of ~200 bytes, file channel, acks=all, 3 partitions, median of %d rounds%n",
                    LINES, ROUNDS);
            List<Double> stock = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // Alternate who goes first, so neither always meets a colder JVM or a fuller disk cache.
                boolean stockFirst = round % 2 == 0;
                for (boolean isStock : new boolean[] {stockFirst, !stockFirst}) {
                    String name = (isStock ? "stock_" : "ours_") + round;
                    double rate = run(broker, "bench_" + name, work.resolve(name), log, isStock);
                    (isStock ? stock : ours).add(rate);
                }
            }
            System.out.printf(
                    "  stock-equivalent agent (interceptors + KafkaSink)  %,10.0f lines/s   (rounds: %s)%n",
                    median(stock), rounded(stock));
            System.out.printf(
                    "  templates/flume/pos-logs-agent                     %,10.0f lines/s   (rounds: %s)%n",
                    median(ours), rounded(ours));
            System.out.printf("  ours / stock-equivalent = %.2fx   (goal >= 1.3x)%n", median(ours) / median(stock));
            System.out.printf(
                    "  Kafka headers of a record: stock-equivalent %s%n                            ours %s%n",
                    headerNames(broker, "bench_stock_0"), headerNames(broker, "bench_ours_0"));
        }
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static List<String> rounded(List<Double> rates) {
        return rates.stream().map(rate -> String.format("%,.0f", rate)).toList();
    }

    private static double run(TestKafkaBroker broker, String topic, Path dir, Path log, boolean stock)
            throws Exception {
        broker.createTopic(topic, 3);
        Map<String, String> config = agentConfig(broker, topic, dir, log, stock);
        long start = System.nanoTime();
        long sourceDone = 0;
        long peakWaiting = 0;
        try (FlumeAgent agent = FlumeAgent.start("pos", config, Files.createDirectories(dir))) {
            while (broker.endOffsetSum(topic) < LINES) {
                Thread.sleep(100);
                peakWaiting = Math.max(peakWaiting, FlumeAgent.counter("CHANNEL", "disk", "ChannelSize"));
                if (sourceDone == 0 && FlumeAgent.counter("SOURCE", "tail", "EventAcceptedCount") >= LINES) {
                    sourceDone = System.nanoTime();
                }
            }
        }
        long end = System.nanoTime();
        // Which side bounds the run: a source done long before the end, with many events waiting, means the sink.
        System.out.printf(
                "    %-16s source done after %4.1f s, Kafka has all after %4.1f s, at most %,d events waiting in the channel%n",
                topic, ((sourceDone == 0 ? end : sourceDone) - start) / 1e9, (end - start) / 1e9, peakWaiting);
        return LINES / ((end - start) / 1e9);
    }

    /** The template, with its CHANGE values pointed at this run's directories and broker. */
    private static Map<String, String> agentConfig(
            TestKafkaBroker broker, String topic, Path dir, Path log, boolean stock) throws IOException {
        Map<String, String> config =
                AgentTemplate.load(TEMPLATE, "pos", dir, log.toString(), broker.bootstrapServers());
        for (String key : List.copyOf(config.keySet())) { // every sink of the template
            if (key.startsWith("sinks.") && key.endsWith(".kafka.topic")) {
                config.put(key, topic);
            }
        }
        if (stock) { // what a user of stock Flume would write to get the same records
            config.put("sinks", "kafka");
            config.keySet().removeIf(k -> k.startsWith("sinks.") && !k.startsWith("sinks.kafka."));
            config.keySet()
                    .removeIf(k -> k.startsWith("sinks.kafka.enrich.")
                            || k.startsWith("sinks.kafka.poison.")
                            || k.equals("sinks.kafka.keyField")
                            || k.equals("sinks.kafka.headers.deny"));
            config.put("sinks.kafka.type", "org.apache.flume.sink.kafka.KafkaSink");
            // The stock sink's defaults are acks=1 and no idempotence; ours are the safe ones.
            config.put("sinks.kafka.kafka.producer.acks", "all");
            config.put("sinks.kafka.kafka.producer.enable.idempotence", "true");
            StockEquivalent.headerMappings(true).forEach((key, value) -> config.put("sinks.kafka." + key, value));
            StockEquivalent.interceptors("pos.kafka").forEach((key, value) -> config.put("sources.tail." + key, value));
        }
        return config;
    }

    /** The header names of a topic's first record, to show both agents wrote the same kind of record. */
    private static Set<String> headerNames(TestKafkaBroker broker, String topic) {
        ConsumerRecord<byte[], byte[]> first =
                broker.consumeUntil(topic, 1, Duration.ofSeconds(30)).get(0);
        Set<String> names = new TreeSet<>();
        first.headers().forEach(header -> names.add(header.key()));
        names.add(first.key() == null ? "(no key)" : "(key)");
        return names;
    }

    private static Path writeLog(Path dir) throws IOException {
        Path file = Files.createDirectories(dir).resolve("pos-terminals.log");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < LINES; i++) {
                String line = String.format(
                        "2026-11-24T10:%02d:%02dZ store=%d terminal=%d level=%s sale receipt=%08d sku=SKU-%05d qty=%d "
                                + "amount=%d.%02d EUR payment=card status=approved cashier=c%03d",
                        (i / 60) % 60,
                        i % 60,
                        i % 200,
                        i % 8,
                        i % 50 == 0 ? "ERROR" : "INFO",
                        i,
                        i % 40000,
                        1 + i % 4,
                        i % 500,
                        i % 100,
                        i % 300);
                StringBuilder padded = new StringBuilder(line);
                while (padded.length() < 199) {
                    padded.append(' ');
                }
                out.write(padded.toString());
                out.newLine();
            }
        }
        return file;
    }

    private PosAgentEndToEndBenchmark() {}
}
