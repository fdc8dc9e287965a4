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
package org.retailstream.events.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.retailstream.events.model.Availability;
import org.retailstream.events.model.CompetitorPrice;
import org.retailstream.events.topics.RetailTopic;

class SchemaEvolutionTest {

    private final EventCodec<CompetitorPrice> codec =
            EventCodec.forTopic(RetailTopic.COMPETITOR_PRICES, CompetitorPrice.class);

    @Test
    void anAvroRecordWrittenWithTheOldSchemaDecodesWithTheNewOne() throws IOException {
        Schema old = oldSchema();
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        GenericRecord record = new GenericData.Record(old);
        record.put("competitor", "shop-b");
        record.put("sku", "sku-42");
        record.put("price", new BigDecimal("19.9900"));
        record.put("currency", "EUR");
        record.put("observed_at", Instant.parse("2026-11-01T08:00:00Z"));
        ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(model, old).encode(record);

        CompetitorPrice decoded = codec.decode(toArray(written));

        assertEquals("sku-42", decoded.getSku());
        assertEquals(new BigDecimal("19.9900"), decoded.getPrice());
        assertEquals(Instant.parse("2026-11-01T08:00:00Z"), decoded.getObservedAt());
        assertEquals(Availability.UNKNOWN, decoded.getAvailability(), "added field takes its default");
        assertNull(decoded.getProductUrl(), "added nullable field takes its default");
    }

    @Test
    void oldJsonWithoutTheNewFieldsDecodesAndNewUnknownFieldsAreIgnored() {
        String json = "{\"competitor\":\"shop-b\",\"sku\":\"sku-42\",\"price\":\"19.99\",\"currency\":\"EUR\","
                + "\"observed_at\":1761984000000,\"field_from_the_future\":{\"x\":1}}";

        CompetitorPrice decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertEquals(new BigDecimal("19.9900"), decoded.getPrice());
        assertEquals(Instant.ofEpochMilli(1761984000000L), decoded.getObservedAt());
        assertEquals(Availability.UNKNOWN, decoded.getAvailability());
    }

    @Test
    void anUnknownEnumSymbolFromANewerWriterBecomesTheDefault() {
        String json = "{\"competitor\":\"c\",\"sku\":\"s\",\"price\":1,\"currency\":\"EUR\","
                + "\"observed_at\":0,\"availability\":\"BACKORDER\"}";

        assertEquals(
                Availability.UNKNOWN,
                codec.decode(json.getBytes(StandardCharsets.UTF_8)).getAvailability());
    }

    @Test
    void everyHistoricSchemaCanBeReadByTheCurrentOne() throws IOException {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(codec.schema(), oldSchema());

        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, result.getType(), result.getDescription());
    }

    private static Schema oldSchema() throws IOException {
        try (InputStream in =
                SchemaEvolutionTest.class.getResourceAsStream("/schema-history/CompetitorPrice-v0.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
