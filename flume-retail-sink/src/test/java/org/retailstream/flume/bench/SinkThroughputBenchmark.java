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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flume.Context;
import org.apache.flume.Event;
import org.apache.flume.Sink;
import org.apache.flume.Transaction;
import org.apache.flume.channel.MemoryChannel;
import org.apache.flume.conf.Configurables;
import org.apache.flume.event.EventBuilder;
import org.apache.flume.interceptor.InterceptorChain;
import org.apache.flume.sink.kafka.KafkaSink;
import org.retailstream.flume.EnrichingKafkaSink;
import org.retailstream.flume.config.SinkConfigKeys;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * Side-by-side throughput of three ways to write the same Kafka records (key = store id, nine
 * headers: host, IP, ingest time, sink, event id, region, store, terminal, level) with the same
 * guarantee (acks=all, idempotent, each batch awaited), against one in-process broker:
 * <ul>
 *   <li>a plain KafkaProducer loop building those records ({@link SameRecordsProducerLoop}): the ceiling;
 *   <li>Flume's stock KafkaSink 1.11.0 with {@code header.*} mappings, its events carrying the headers
 *       that stock interceptors ({@link StockEquivalent}) put there when the channel was filled, since
 *       interceptors run on the source thread, not the sink's;
 *   <li>our EnrichingKafkaSink, which makes the same headers itself on the sink thread.
 * </ul>
 * Both sinks drain a pre-filled memory channel (keep-alive=0); all three use our sink's producer
 * {@code batch.size} (256 KiB).
 *
 * <p>Run: {@code bin/bench flume-sink} (see the module README). Not a test: it prints figures.
 * Knobs: {@code -Dbench.events=N}, {@code -Dbench.rounds=N}, {@code -Dbench.ours=key=value,...} and
 * {@code -Dbench.stock=key=value,...} (extra sink settings), {@code -Dbench.noEnrichment=true}.
 */
public final class SinkThroughputBenchmark {

    private static final int EVENT_BYTES = 200;
    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String TOPIC = "bench_pos_logs";
    private static final String PLAIN = "plain producer, same records";
    private static final String STOCK = "stock KafkaSink + interceptors";
    private static final String OURS = "EnrichingKafkaSink";

    public static void main(String[] args) throws Exception {
        try (TestKafkaBroker broker = TestKafkaBroker.plaintext().start()) {
            broker.createTopic(TOPIC, 3);
            System.out.printf(
                    "Flume sink benchmark: %,d events of %d bytes per run, median of %d rounds, acks=all%n",
                    EVENTS, EVENT_BYTES, ROUNDS);
            byte[][] bodies = new byte[EVENTS][];
            for (int i = 0; i < EVENTS; i++) {
                bodies[i] = line(i).getBytes(StandardCharsets.UTF_8);
            }
            SameRecordsProducerLoop plain = new SameRecordsProducerLoop(broker.clientProperties(), TOPIC);
            for (int batch : new int[] {100, 1000}) {
                Map<String, Supplier<Long>> contenders = new LinkedHashMap<>();
                contenders.put(PLAIN, () -> plain.run(bodies, batch));
                contenders.put(STOCK, () -> viaSink(new KafkaSink(), broker, batch, EVENTS, false));
                contenders.put(OURS, () -> viaSink(new EnrichingKafkaSink(), broker, batch, EVENTS, true));
                contenders.forEach((name, run) -> runWarmup(run)); // JIT and connections
                Map<String, List<Double>> rates = new LinkedHashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (Map.Entry<String, Supplier<Long>> c : contenders.entrySet()) {
                        long nanos = c.getValue().get();
                        rates.computeIfAbsent(c.getKey(), k -> new ArrayList<>())
                                .add(EVENTS / (nanos / 1e9));
                    }
                }
                report(batch, rates);
            }
        }
    }

    private static void runWarmup(Supplier<Long> run) {
        run.get();
    }

    private static void report(int batch, Map<String, List<Double>> rates) {
        double plain = median(rates.get(PLAIN));
        double stock = median(rates.get(STOCK));
        double ours = median(rates.get(OURS));
        System.out.printf("%nbatch %d%n", batch);
        rates.forEach((name, list) -> System.out.printf(
                "  %-32s %,12.0f events/s   (rounds: %s)%n",
                name,
                median(list),
                list.stream().map(r -> String.format("%,.0f", r)).toList()));
        System.out.printf("  ours / plain producer, same records = %.0f%%   (goal >= 85%%)%n", 100 * ours / plain);
        System.out.printf("  ours / stock sink + interceptors    = %.2fx%n", ours / stock);
        System.out.printf("  stock / plain                       = %.0f%%%n", 100 * stock / plain);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Drains a pre-filled memory channel through the sink; returns the elapsed nanoseconds. */
    private static long viaSink(Sink sink, TestKafkaBroker broker, int batch, int events, boolean enrich) {
        MemoryChannel channel = new MemoryChannel();
        channel.setName("c1");
        Configurables.configure(
                channel,
                new Context(Map.of(
                        "capacity",
                        Integer.toString(events),
                        "transactionCapacity",
                        Integer.toString(Math.max(batch, 1000)),
                        "keep-alive",
                        "0",
                        "byteCapacity",
                        Long.toString(4L * events * EVENT_BYTES))));
        channel.start();
        fill(channel, events, enrich ? null : stockInterceptors());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("kafka.topic", TOPIC);
        config.put("flumeBatchSize", Integer.toString(batch));
        config.put("kafka.producer.acks", "all");
        config.put("kafka.producer.enable.idempotence", "true");
        // One producer tuning for all three contenders (our sink's default), so they differ in machinery only.
        config.put("kafka.producer.batch.size", Integer.toString(SinkConfigKeys.DEFAULT_PRODUCER_BATCH_BYTES));
        for (String extra :
                System.getProperty(enrich ? "bench.ours" : "bench.stock", "").split(",")) {
            if (extra.contains("=")) {
                config.put(
                        extra.substring(0, extra.indexOf('=')).trim(),
                        extra.substring(extra.indexOf('=') + 1).trim());
            }
        }
        if (enrich && !Boolean.getBoolean("bench.noEnrichment")) {
            addEnrichment(config);
        }
        if (!enrich) {
            config.putAll(StockEquivalent.headerMappings(false));
        }
        sink.setName("k1");
        Configurables.configure(sink, new Context(config));
        sink.setChannel(channel);
        sink.start();
        try {
            long start = System.nanoTime();
            while (sink.process() == Sink.Status.READY) {
                // drain
            }
            return System.nanoTime() - start;
        } catch (Exception e) {
            throw new IllegalStateException("benchmark run failed", e);
        } finally {
            sink.stop();
            channel.stop();
        }
    }

    /** The enrichment the benchmark turns on: three body fields by regex, keyed by store, a static header. */
    static void addEnrichment(Map<String, String> config) {
        config.put("enrich.extract.regex", "store=(?<storeId>\\d+) terminal=(?<terminalId>\\d+) level=(?<level>\\w+)");
        config.put("keyField", "storeId");
        config.put("enrich.static.retail.region", "eu-west");
    }

    private static InterceptorChain stockInterceptors() {
        try {
            return StockEquivalent.chain("pos.kafka");
        } catch (Exception e) {
            throw new IllegalStateException("stock interceptors", e);
        }
    }

    /** Fills the channel; with interceptors, each event passes them first, as from a source. */
    private static void fill(MemoryChannel channel, int events, InterceptorChain interceptors) {
        for (int done = 0; done < events; ) {
            Transaction tx = channel.getTransaction();
            tx.begin();
            for (int i = 0; i < 1000 && done < events; i++, done++) {
                Event event = EventBuilder.withBody(line(done).getBytes(StandardCharsets.UTF_8));
                channel.put(interceptors == null ? event : interceptors.intercept(event));
            }
            tx.commit();
            tx.close();
        }
    }

    /** A POS log line of EVENT_BYTES characters. */
    static String line(int i) {
        String line = String.format("2026-11-24T10:00:00Z store=%d terminal=%d level=INFO sale %d ", i % 50, i % 7, i);
        StringBuilder padded = new StringBuilder(line);
        while (padded.length() < EVENT_BYTES) {
            padded.append('x');
        }
        return padded.toString();
    }

    private SinkThroughputBenchmark() {}
}
