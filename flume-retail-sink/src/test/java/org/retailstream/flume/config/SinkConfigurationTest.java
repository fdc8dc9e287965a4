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
package org.retailstream.flume.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.flume.Context;
import org.apache.flume.channel.MemoryChannel;
import org.apache.flume.conf.Configurables;
import org.apache.flume.conf.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retailstream.flume.EnrichingKafkaSink;

/** Every configuration error is raised at configure() time and names the key. */
class SinkConfigurationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing bootstrap servers | kafka.bootstrap.servers= | kafka.bootstrap.servers is required",
                "bad regex | enrich.extract.regex=(?<store>[0-9+ | enrich.extract.regex is not a valid regular expression",
                "regex without groups | enrich.extract.regex=store [0-9]+ | enrich.extract.regex has no named groups",
                "unknown poison policy | poison.policy=ignore | poison.policy must be deadLetter or stop, got 'ignore'",
                "unknown event id kind | enrich.eventId=counter | enrich.eventId must be uuid or hash, got 'counter'",
                "unknown forwarding | headers.forward=some | headers.forward must be all or none, got 'some'",
                "template without fallback | kafka.topic=pos_%{region} | topicFallback must name the topic",
                "key field not a group | keyField=storeId | keyField 'storeId' is not a named group",
                "zero batch | flumeBatchSize=0 | flumeBatchSize must be a whole number from 1, got '0'",
                "bad partition | defaultPartitionId=-1 | defaultPartitionId must be a partition number from 0",
                "bad boolean | kafka.transactions=yes | kafka.transactions must be true or false, got 'yes'",
                "transactions without idempotence | kafka.transactions=true;kafka.producer.enable.idempotence=false"
                        + " | kafka.transactions=true needs an idempotent producer",
            })
    void aBadKeyFailsAtConfigureNamingTheKey(String name, String settings, String expected) {
        Map<String, String> config = valid();
        for (String setting : settings.split(";")) {
            String[] kv = setting.split("=", 2);
            config.put(kv[0].trim(), kv[1].trim());
        }
        EnrichingKafkaSink sink = new EnrichingKafkaSink();
        sink.setName("k1");

        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> Configurables.configure(sink, new Context(config)));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aBatchLargerThanTheChannelTransactionCapacityIsRefusedNamingBothKeys() {
        MemoryChannel channel = new MemoryChannel();
        channel.setName("c1");
        Configurables.configure(channel, new Context(Map.of("capacity", "1000", "transactionCapacity", "100")));
        Map<String, String> config = valid();
        config.put("flumeBatchSize", "500");
        EnrichingKafkaSink sink = new EnrichingKafkaSink();
        sink.setName("k1");
        Configurables.configure(sink, new Context(config));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> sink.setChannel(channel));

        assertEquals(
                "flumeBatchSize (500) of sink k1 is larger than transactionCapacity (100) of channel c1: raise the "
                        + "channel's transactionCapacity or lower flumeBatchSize",
                e.getMessage());
    }

    @Test
    void legacyKeysOfTheStockSinkStillWork() {
        Context context =
                new Context(Map.of("brokerList", "k:9092", "topic", "pos_logs", "batchSize", "7", "requiredAcks", "1"));

        SinkSettings settings = SinkSettingsParser.parse(context, "tx");

        assertEquals("k:9092", settings.producer().getProperty("bootstrap.servers"));
        assertEquals("pos_logs", settings.topicTemplate());
        assertEquals(7, settings.batchSize());
        assertEquals("1", settings.producer().getProperty("acks"));
    }

    @Test
    void defaultsAreTheSafeOnes() {
        SinkSettings settings = SinkSettingsParser.parse(new Context(valid()), "flume-host-k1");

        assertEquals("all", settings.producer().getProperty("acks"));
        assertEquals("true", settings.producer().getProperty("enable.idempotence"));
        assertEquals(PoisonPolicy.DEAD_LETTER, settings.poisonPolicy());
        assertEquals("pos_logs_dlq", settings.deadLetterTopic());
        assertEquals(100, settings.batchSize());
        assertEquals(512 * 1024, settings.deadLetterMaxBodyBytes());
        assertTrue(settings.forwarding().forwards("anything"));
        assertEquals("262144", settings.producer().getProperty("batch.size"), "a channel batch per Kafka batch");
    }

    @Test
    void theUsersProducerSettingsWinOverTheSinksDefaults() {
        Map<String, String> config = valid();
        config.put("kafka.producer.batch.size", "16384");
        config.put("kafka.producer.acks", "1");

        SinkSettings settings = SinkSettingsParser.parse(new Context(config), "flume-host-k1");

        assertEquals("16384", settings.producer().getProperty("batch.size"));
        assertEquals("1", settings.producer().getProperty("acks"));
    }

    @Test
    void transactionsGetAStableTransactionalId() {
        Map<String, String> config = valid();
        config.put("kafka.transactions", "true");

        SinkSettings settings = SinkSettingsParser.parse(new Context(config), "flume-host-k1");

        assertEquals("flume-host-k1", settings.producer().getProperty("transactional.id"));
    }

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", "127.0.0.1:9092");
        config.put("kafka.topic", "pos_logs");
        return config;
    }
}
