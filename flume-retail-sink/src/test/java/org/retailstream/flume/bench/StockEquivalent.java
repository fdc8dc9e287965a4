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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flume.Context;
import org.apache.flume.interceptor.Interceptor;
import org.apache.flume.interceptor.InterceptorBuilderFactory;
import org.apache.flume.interceptor.InterceptorChain;

/**
 * What a user without our sink would configure to get the same Kafka records from stock Flume 1.11:
 * interceptors on the source (host, host as IP, timestamp, static, regex_extractor, Flume's UUID
 * interceptor) put the enrichment into Flume headers, and the stock KafkaSink's {@code header.*}
 * mappings turn them into Kafka headers, with the {@code key} header as the record key.
 *
 * <p>The difference that matters for speed: stock enrichment happens on the source thread and its
 * headers travel through the channel (written to and read back from disk with a file channel); ours
 * happens on the sink thread after the take.
 */
final class StockEquivalent {

    /** Flume headers the interceptors set, mapped one to one onto Kafka headers of the same name. */
    private static final List<String> ENRICHMENT_HEADERS = List.of(
            "retail.host",
            "retail.ip",
            "retail.ingest.ts",
            "retail.sink",
            "retail.event.id",
            "retail.region",
            "storeId",
            "terminalId",
            "level");

    /**
     * The source's interceptor settings, keys relative to the source ({@code interceptors = ...}).
     *
     * @param sinkName the {@code <agent>.<sink>} value our sink writes into {@code retail.sink}
     */
    static Map<String, String> interceptors(String sinkName) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("interceptors", "host ip ts region sink fields key id");
        config.put("interceptors.host.type", "host");
        config.put("interceptors.host.useIP", "false");
        config.put("interceptors.host.hostHeader", "retail.host");
        config.put("interceptors.ip.type", "host");
        config.put("interceptors.ip.useIP", "true");
        config.put("interceptors.ip.hostHeader", "retail.ip");
        config.put("interceptors.ts.type", "timestamp");
        config.put("interceptors.ts.headerName", "retail.ingest.ts");
        config.put("interceptors.region.type", "static");
        config.put("interceptors.region.key", "retail.region");
        config.put("interceptors.region.value", "eu-west");
        config.put("interceptors.sink.type", "static");
        config.put("interceptors.sink.key", "retail.sink");
        config.put("interceptors.sink.value", sinkName);
        config.put("interceptors.fields.type", "regex_extractor");
        config.put("interceptors.fields.regex", "store=(\\w+) terminal=(\\w+) level=([A-Z]+)");
        config.put("interceptors.fields.serializers", "s t l");
        config.put("interceptors.fields.serializers.s.name", "storeId");
        config.put("interceptors.fields.serializers.t.name", "terminalId");
        config.put("interceptors.fields.serializers.l.name", "level");
        // The stock sink keys a record by the "key" header: a second extractor copies the store id there.
        config.put("interceptors.key.type", "regex_extractor");
        config.put("interceptors.key.regex", "store=(\\w+)");
        config.put("interceptors.key.serializers", "k");
        config.put("interceptors.key.serializers.k.name", "key");
        config.put("interceptors.id.type", "org.apache.flume.sink.solr.morphline.UUIDInterceptor$Builder");
        config.put("interceptors.id.headerName", "retail.event.id");
        return config;
    }

    /**
     * The stock sink's header mappings, keys relative to the sink.
     *
     * @param withSourceFile also map TAILDIR's {@code file} header onto {@code retail.source.file}
     */
    static Map<String, String> headerMappings(boolean withSourceFile) {
        Map<String, String> config = new LinkedHashMap<>();
        ENRICHMENT_HEADERS.forEach(name -> config.put("header." + name, name));
        if (withSourceFile) {
            config.put("header.file", "retail.source.file");
        }
        return config;
    }

    /** The same interceptors as one chain, built the way a Flume source builds them from its settings. */
    static InterceptorChain chain(String sinkName) throws Exception {
        Context source = new Context(interceptors(sinkName));
        List<Interceptor> interceptors = new ArrayList<>();
        for (String name : source.getString("interceptors").split(" ")) {
            Context settings = new Context(source.getSubProperties("interceptors." + name + "."));
            Interceptor.Builder builder = InterceptorBuilderFactory.newInstance(settings.getString("type"));
            builder.configure(settings);
            interceptors.add(builder.build());
        }
        InterceptorChain chain = new InterceptorChain();
        chain.setInterceptors(interceptors);
        chain.initialize();
        return chain;
    }

    private StockEquivalent() {}
}
