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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.flume.Context;
import org.apache.flume.Event;
import org.apache.flume.event.EventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.TimestampType;
import org.retailstream.flume.config.SinkSettings;
import org.retailstream.flume.config.SinkSettingsParser;
import org.retailstream.flume.deliver.RecordFactory;
import org.retailstream.flume.enrich.AgentIdentity;
import org.retailstream.flume.enrich.EventEnricher;
import org.retailstream.flume.route.EventRouter;

/**
 * Where the enriched sink's time per event goes on its own thread, without a broker: building the
 * record (regex fields, enrichment headers, routing) and Kafka's own serialization of that record
 * into a batch, with the enrichment headers and without them. Run by {@code bin/bench flume-sink}
 * after the throughput comparison, with the same sink settings; not a test.
 */
public final class EnrichmentCostProbe {

    private static final int EVENTS = 1000;
    private static final int REPEATS = 2000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", "127.0.0.1:9");
        config.put("kafka.topic", "bench_pos_logs");
        SinkThroughputBenchmark.addEnrichment(config);
        SinkSettings settings = SinkSettingsParser.parse(new Context(config), "k1");
        RecordFactory factory = new RecordFactory(
                settings,
                new EventRouter(settings),
                new EventEnricher(settings, AgentIdentity.resolve(null, null), "k1"));
        Event[] events = new Event[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = EventBuilder.withBody(SinkThroughputBenchmark.line(i).getBytes(StandardCharsets.UTF_8));
        }
        double build = 0;
        double withHeaders = 0;
        double withoutHeaders = 0;
        int headers = 0;
        for (int round = 0; round < ROUNDS; round++) { // the last round counts, after JIT warm-up
            long start = System.nanoTime();
            @SuppressWarnings("unchecked")
            ProducerRecord<byte[], byte[]>[] records = new ProducerRecord[EVENTS];
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                for (int i = 0; i < EVENTS; i++) {
                    // one ingest time per channel batch, as the sink stamps them
                    records[i] = factory.create(events[i], 1_700_000_000_000L + repeat);
                }
            }
            build = perRecord(System.nanoTime() - start);
            headers = records[0].headers().toArray().length;
            withHeaders = serialize(records, true);
            withoutHeaders = serialize(records, false);
        }
        System.out.printf(
                "%nSink-thread CPU per event, no broker (%d enrichment headers on a %d-byte body):%n",
                headers, events[0].getBody().length);
        System.out.printf("  build the record (regex fields, headers, route)   %5.0f ns%n", build);
        System.out.printf("  Kafka's serialization into a batch, with headers  %5.0f ns%n", withHeaders);
        System.out.printf("  Kafka's serialization into a batch, no headers    %5.0f ns%n", withoutHeaders);
        System.out.printf(
                "  enrichment costs %.0f ns per event on the sink thread before any network or broker work%n",
                build + withHeaders - withoutHeaders);
    }

    /** Appends the records to in-memory batches as the producer does; ns per record. */
    private static double serialize(ProducerRecord<byte[], byte[]>[] records, boolean headers) {
        Header[] none = new Header[0];
        long start = System.nanoTime();
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            MemoryRecordsBuilder batch = MemoryRecords.builder(
                    ByteBuffer.allocate(1 << 20), Compression.NONE, TimestampType.CREATE_TIME, 0L);
            for (ProducerRecord<byte[], byte[]> record : records) {
                batch.append(
                        0L,
                        record.key(),
                        record.value(),
                        headers ? record.headers().toArray() : none);
            }
            batch.build();
        }
        return perRecord(System.nanoTime() - start);
    }

    private static double perRecord(long nanos) {
        return nanos / (double) (EVENTS * REPEATS);
    }

    private EnrichmentCostProbe() {}
}
