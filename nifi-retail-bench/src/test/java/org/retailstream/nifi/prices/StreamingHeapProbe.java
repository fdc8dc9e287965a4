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
package org.retailstream.nifi.prices;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.apache.nifi.controller.ControllerService;
import org.apache.nifi.serialization.RecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.record.RecordSchema;
import org.apache.nifi.util.TestRunner;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.nifi.json.JsonItemStream;
import org.retailstream.nifi.record.AvroRecordSchemas;
import org.retailstream.nifi.support.ApiServer;
import org.retailstream.nifi.support.PriceResponses;
import org.retailstream.nifi.support.Runners;

/**
 * Second half of bin/bench nifi-prices, run in a JVM with -Xmx256m: a 1,000,000-item response
 * (about 166 MB, generated while it is sent) goes through the processor's streaming path (HTTP body,
 * JsonItemStream, PriceItemMapper, NiFi's JsonRecordSetWriter) into a sink that counts bytes, the role
 * NiFi's disk-backed content repository plays. The TestRunner cannot be used for this: its mock
 * session keeps every FlowFile's content in heap.
 */
public final class StreamingHeapProbe {

    public static void main(String[] args) throws Exception {
        int items = Integer.getInteger("bench.heapItems", 1_000_000);
        TestRunner runner = Runners.withServices(new GetCompetitorPrices());
        RecordSetWriterFactory writers = (RecordSetWriterFactory) (ControllerService)
                runner.getProcessContext().getControllerServiceLookup().getControllerService("writer");
        RecordSchema schema = AvroRecordSchemas.toRecordSchema(RetailTopic.COMPETITOR_PRICES.valueSchema());
        try (ApiServer api = new ApiServer()) {
            api.script(
                    "/prices",
                    new ApiServer.Response(
                            200,
                            Map.of("Content-Type", "application/json"),
                            () -> PriceResponses.streamedArray(items),
                            0));
            PriceItemMapper mapper = new PriceItemMapper(
                    schema,
                    PriceFieldPaths.of(
                            "/sku",
                            "/competitor",
                            "/price",
                            "/currency",
                            "/availability",
                            "/product_url",
                            "/observed_at"),
                    null,
                    null,
                    api.url("/prices"),
                    Instant.now());
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            CountingSink sink = new CountingSink();
            long start = System.nanoTime();
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(api.url("/prices")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            long records;
            try (InputStream body = response.body();
                    RecordSetWriter writer = writers.createWriter(runner.getLogger(), schema, sink, Map.of())) {
                writer.beginRecordSet();
                JsonItemStream.Page page = new JsonItemStream("").read(body, item -> {
                    try {
                        writer.write(mapper.map(item));
                    } catch (InvalidItemException e) {
                        throw new IllegalStateException(e);
                    }
                });
                records = writer.finishRecordSet().getRecordCount();
                if (records != page.itemCount() || records != items) {
                    throw new IllegalStateException("wrote " + records + " of " + items + " records");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            System.out.printf(
                    "%nStreaming %,d items (%,d MB of records written) with -Xmx%d MB: %.1f s, %,.0f records/s,"
                            + " peak heap %,d MB (sum of pool peaks)%n",
                    records,
                    sink.bytes >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    seconds,
                    records / seconds,
                    peak >> 20);
        }
    }

    /** Stands in for the content repository: counts what would be written to disk. */
    private static final class CountingSink extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private StreamingHeapProbe() {}
}
