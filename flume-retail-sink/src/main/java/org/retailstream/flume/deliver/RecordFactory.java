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
package org.retailstream.flume.deliver;

import java.util.List;
import java.util.Map;
import org.apache.flume.Event;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.retailstream.flume.config.SinkSettings;
import org.retailstream.flume.enrich.EventEnricher;
import org.retailstream.flume.route.EventRouter;
import org.retailstream.flume.route.Route;

/** Builds the Kafka record for a Flume event: route, enrichment headers and value. */
public final class RecordFactory {

    private final EventRouter router;
    private final EventEnricher enricher;
    private final FlumeEventFormat flumeFormat;

    public RecordFactory(SinkSettings settings, EventRouter router, EventEnricher enricher) {
        this.router = router;
        this.enricher = enricher;
        this.flumeFormat = settings.useFlumeEventFormat() ? new FlumeEventFormat() : null;
    }

    /**
     * @throws org.retailstream.flume.route.InvalidEventException if a routing header is unusable
     */
    public ProducerRecord<byte[], byte[]> create(Event event, long ingestMillis) {
        Map<String, String> headers = event.getHeaders();
        byte[] body = event.getBody();
        Map<String, String> fields = enricher.extractFields(body);
        Route route = router.route(headers, fields);
        List<Header> kafkaHeaders = enricher.headersFor(headers, body, fields, ingestMillis);
        byte[] value = flumeFormat == null ? body : flumeFormat.encode(headers, body);
        return new ProducerRecord<>(
                route.topic(), route.partition(), route.timestamp(), route.key(), value, kafkaHeaders);
    }
}
