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
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.flume.Context;
import org.apache.flume.Event;
import org.apache.flume.Sink;
import org.apache.flume.Transaction;
import org.apache.flume.channel.MemoryChannel;
import org.apache.flume.conf.Configurables;
import org.apache.flume.event.EventBuilder;
import org.apache.flume.sink.kafka.KafkaSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.retailstream.flume.EnrichingKafkaSink;
import org.retailstream.testkit.TestKafkaBroker;

/**
 * Side-by-side throughput of our sink (enrichment on), Flume's stock KafkaSink 1.11.0 and a plain
 * KafkaProducer loop with the same guarantee (acks=all, idempotent, each batch awaited before the
 * next), against one in-process broker, from a pre-filled memory channel (keep-alive=0).
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

    public static void main(String[] args) throws Exception {
        try (TestKafkaBroker broker = TestKafkaBroker.plaintext().start()) {
            broker.createTopic(TOPIC, 3);
            System.out.printf(
                    "Flume sink benchmark: %,d events of %d bytes per run, median of %d rounds, acks=all%n",
                    EVENTS, EVENT_BYTES, ROUNDS);
            for (int batch : new int[] {100, 1000}) {
                Map<String, Supplier<Long>> contenders = new LinkedHashMap<>();
                contenders.put("plain KafkaProducer loop", () -> plainProducer(broker, batch, EVENTS));
                contenders.put("stock Flume KafkaSink", () -> viaSink(new KafkaSink(), broker, batch, EVENTS, false));
                contenders.put(
                        "EnrichingKafkaSink (enriched)",
                        () -> viaSink(new EnrichingKafkaSink(), broker, batch, EVENTS, true));
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
        double plain = median(rates.get("plain KafkaProducer loop"));
        double stock = median(rates.get("stock Flume KafkaSink"));
        double ours = median(rates.get("EnrichingKafkaSink (enriched)"));
        System.out.printf("%nbatch %d%n", batch);
        rates.forEach((name, list) -> System.out.printf(
                "  %-32s %,12.0f events/s   (rounds: %s)%n",
                name,
                median(list),
                list.stream().map(r -> String.format("%,.0f", r)).toList()));
        System.out.printf("  ours / stock sink     = %.2fx   (goal >= 1.5x)%n", ours / stock);
        System.out.printf("  ours / plain producer = %.0f%%   (goal >= 85%%)%n", 100 * ours / plain);
        System.out.printf("  stock / plain         = %.0f%%%n", 100 * stock / plain);
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
        fill(channel, events);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("kafka.topic", TOPIC);
        config.put("flumeBatchSize", Integer.toString(batch));
        config.put("kafka.producer.acks", "all");
        config.put("kafka.producer.enable.idempotence", "true");
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

    private static void fill(MemoryChannel channel, int events) {
        for (int done = 0; done < events; ) {
            Transaction tx = channel.getTransaction();
            tx.begin();
            for (int i = 0; i < 1000 && done < events; i++, done++) {
                channel.put(event(done));
            }
            tx.commit();
            tx.close();
        }
    }

    private static Event event(int i) {
        return EventBuilder.withBody(line(i).getBytes(StandardCharsets.UTF_8));
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

    /** The ceiling: the same records and guarantee, no channel, no Flume. */
    private static long plainProducer(TestKafkaBroker broker, int batch, int events) {
        Properties props = broker.clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        byte[][] bodies = new byte[events][];
        for (int i = 0; i < events; i++) {
            bodies[i] = event(i).getBody();
        }
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int from = 0; from < events; from += batch) {
                int to = Math.min(events, from + batch);
                CountDownLatch acks = new CountDownLatch(to - from);
                AtomicReference<Exception> failure = new AtomicReference<>();
                for (int i = from; i < to; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, bodies[i]), (m, e) -> {
                        if (e != null) {
                            failure.set(e);
                        }
                        acks.countDown();
                    });
                }
                producer.flush();
                acks.await();
                if (failure.get() != null) {
                    throw new IllegalStateException("send failed", failure.get());
                }
            }
            return System.nanoTime() - start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private SinkThroughputBenchmark() {}
}
