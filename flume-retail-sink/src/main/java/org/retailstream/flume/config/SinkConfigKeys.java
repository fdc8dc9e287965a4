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

import org.retailstream.events.topics.EnrichmentHeaders;

/**
 * Every configuration key of the sink, relative to {@code <agent>.sinks.<sink>.}, with its default.
 * The first group has the same name and meaning as in Flume's stock {@code KafkaSink}, so an agent
 * switches sinks by changing {@code type} only. See the module README for the full table.
 */
public final class SinkConfigKeys {

    // ---- Keys shared with Flume's stock KafkaSink ----

    /** Kafka brokers, {@code host:port[,host:port]}. Required. */
    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    /** Topic, or a template with {@code %{header}} placeholders. */
    public static final String TOPIC = "kafka.topic";

    public static final String DEFAULT_TOPIC = "default-flume-topic";
    /** Events taken from the channel per transaction; at most the channel's transactionCapacity. */
    public static final String BATCH_SIZE = "flumeBatchSize";

    public static final int DEFAULT_BATCH_SIZE = 100;
    /**
     * The producer's batch.size unless {@code kafka.producer.batch.size} is set: 256 KiB, so a whole
     * channel batch fits one Kafka batch per partition (Kafka's own default is 16 KiB).
     */
    public static final int DEFAULT_PRODUCER_BATCH_BYTES = 256 * 1024;
    /** Prefix of settings passed to the Kafka producer as they are. */
    public static final String PRODUCER_PREFIX = "kafka.producer.";
    /** Whether the header named by {@link #TOPIC_HEADER} may override the topic. */
    public static final String ALLOW_TOPIC_OVERRIDE = "allowTopicOverride";

    public static final boolean DEFAULT_ALLOW_TOPIC_OVERRIDE = true;
    /** Header holding a topic that overrides {@link #TOPIC}. */
    public static final String TOPIC_HEADER = "topicHeader";

    public static final String DEFAULT_TOPIC_HEADER = "topic";
    /** Header holding the partition number to send an event to. */
    public static final String PARTITION_ID_HEADER = "partitionIdHeader";
    /** Partition for every event without a partition header; unset lets Kafka partition by key. */
    public static final String DEFAULT_PARTITION_ID = "defaultPartitionId";
    /** Prefix mapping a Flume header to a Kafka header: {@code header.<flumeName> = <kafkaName>}. */
    public static final String HEADER_MAPPING_PREFIX = "header.";
    /** Header holding the record timestamp in epoch milliseconds. */
    public static final String TIMESTAMP_HEADER = "timestampHeader";
    /** Write the whole Flume event (headers and body) in Flume's Avro event format. */
    public static final String USE_FLUME_EVENT_FORMAT = "useFlumeEventFormat";
    /** Header holding the record key (as in the stock sink). */
    public static final String KEY_HEADER = "keyHeader";

    public static final String DEFAULT_KEY_HEADER = "key";

    /** Pre-1.7 names still accepted by the stock sink; accepted here with a warning. */
    public static final String LEGACY_BROKER_LIST = "brokerList";

    public static final String LEGACY_TOPIC = "topic";
    public static final String LEGACY_BATCH_SIZE = "batchSize";
    public static final String LEGACY_REQUIRED_ACKS = "requiredAcks";

    // ---- Keys of this sink ----

    /** Topic for events whose topic template names a header the event lacks. */
    public static final String TOPIC_FALLBACK = "topicFallback";
    /** Named regex group (see {@link #EXTRACT_REGEX}) whose value becomes the record key. */
    public static final String KEY_FIELD = "keyField";

    /** Kafka header with the agent's host name; empty to disable. */
    public static final String ENRICH_HOST_HEADER = "enrich.hostHeader";

    public static final String DEFAULT_ENRICH_HOST_HEADER = EnrichmentHeaders.HOST;
    /** Kafka header with the agent's IP address; empty to disable. */
    public static final String ENRICH_IP_HEADER = "enrich.ipHeader";

    public static final String DEFAULT_ENRICH_IP_HEADER = EnrichmentHeaders.IP;
    /** The host name the records carry and the default transactional id uses; default: resolved (see AgentIdentity). */
    public static final String ENRICH_HOST = "enrich.host";
    /** The agent name the records carry and the default transactional id uses; default: the process's -n/--name. */
    public static final String ENRICH_AGENT = "enrich.agent";
    /** Kafka header with the time the sink took the event, epoch milliseconds; empty to disable. */
    public static final String ENRICH_INGEST_TIME_HEADER = "enrich.ingestTimeHeader";

    public static final String DEFAULT_ENRICH_INGEST_TIME_HEADER = EnrichmentHeaders.INGEST_TIME;
    /** Kafka header with {@code <agent>.<sink>}; empty to disable. */
    public static final String ENRICH_SINK_HEADER = "enrich.sinkHeader";

    public static final String DEFAULT_ENRICH_SINK_HEADER = EnrichmentHeaders.SINK;
    /** Kafka header with a unique event id; empty to disable. */
    public static final String ENRICH_EVENT_ID_HEADER = "enrich.eventIdHeader";

    public static final String DEFAULT_ENRICH_EVENT_ID_HEADER = EnrichmentHeaders.EVENT_ID;
    /** How the event id is made: {@code uuid} (random) or {@code hash} (SHA-256 of the body, stable on redelivery). */
    public static final String ENRICH_EVENT_ID = "enrich.eventId";

    public static final String DEFAULT_ENRICH_EVENT_ID = "uuid";
    /** Kafka header with the source file's name, from Flume's {@code basename} or {@code file} header; empty to disable. */
    public static final String ENRICH_SOURCE_FILE_HEADER = "enrich.sourceFileHeader";

    public static final String DEFAULT_ENRICH_SOURCE_FILE_HEADER = EnrichmentHeaders.SOURCE_FILE;
    /** Prefix of static headers: {@code enrich.static.<kafkaName> = <value>}. */
    public static final String ENRICH_STATIC_PREFIX = "enrich.static.";
    /** Regex with named groups applied to the body (UTF-8); each matched group becomes a Kafka header. */
    public static final String EXTRACT_REGEX = "enrich.extract.regex";
    /** Prefix put before each extracted group's name to form its Kafka header name. */
    public static final String EXTRACT_HEADER_PREFIX = "enrich.extract.headerPrefix";

    public static final String DEFAULT_EXTRACT_HEADER_PREFIX = "";

    /** Which Flume headers become Kafka headers: {@code all} or {@code none}. */
    public static final String FORWARD_HEADERS = "headers.forward";

    public static final String DEFAULT_FORWARD_HEADERS = "all";
    /** If set, only these Flume headers (comma-separated) are forwarded. */
    public static final String FORWARD_ALLOW = "headers.allow";
    /** These Flume headers (comma-separated) are never forwarded. */
    public static final String FORWARD_DENY = "headers.deny";

    /** One Flume transaction is one Kafka transaction (exactly-once into Kafka). */
    public static final String TRANSACTIONS = "kafka.transactions";

    public static final boolean DEFAULT_TRANSACTIONS = false;
    /** transactional.id of the producer; default {@code flume-<host>-<agent>-<sink>}, unique per running sink. */
    public static final String TRANSACTIONAL_ID = "kafka.transactionalId";

    /** What to do with an event Kafka will never accept: {@code deadLetter} or {@code stop}. */
    public static final String POISON_POLICY = "poison.policy";

    public static final String DEFAULT_POISON_POLICY = "deadLetter";
    /** Dead-letter topic; default {@code <kafka.topic>_dlq} (or {@code <topicFallback>_dlq} for templates). */
    public static final String DEAD_LETTER_TOPIC = "poison.deadLetterTopic";
    /**
     * Largest body copied into a dead letter, in bytes; longer bodies are cut and flagged. Default:
     * 512 KiB or half of {@code kafka.producer.max.request.size}, whichever is smaller.
     */
    public static final String DEAD_LETTER_MAX_BODY_BYTES = "poison.deadLetterMaxBodyBytes";

    public static final int DEFAULT_DEAD_LETTER_MAX_BODY_BYTES = 512 * 1024;

    private SinkConfigKeys() {}
}
