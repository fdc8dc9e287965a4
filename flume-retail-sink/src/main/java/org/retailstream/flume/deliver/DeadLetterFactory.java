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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.apache.flume.Event;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.retailstream.events.topics.DeadLetters;

/**
 * Builds the dead letter of a poison event: its body (cut to a size Kafka accepts, and flagged if
 * cut), its Flume headers, and the error, following the dead-letter convention of retail-events.
 */
public final class DeadLetterFactory {

    /** Header: "true" when the body was cut to fit; then the two below describe the original. */
    public static final String HEADER_TRUNCATED = "retail.dlq.truncated";

    public static final String HEADER_ORIGINAL_BYTES = "retail.dlq.original.bytes";
    public static final String HEADER_ORIGINAL_SHA256 = "retail.dlq.original.sha256";

    private final String topic;
    private final String stage;
    private final int maxBodyBytes;

    public DeadLetterFactory(String topic, String stage, int maxBodyBytes) {
        this.topic = topic;
        this.stage = stage;
        this.maxBodyBytes = maxBodyBytes;
    }

    public String topic() {
        return topic;
    }

    public ProducerRecord<byte[], byte[]> create(Event event, String intendedTopic, Throwable error) {
        byte[] body = event.getBody();
        Headers headers = new RecordHeaders();
        for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
            headers.add(header.getKey(), utf8(header.getValue()));
        }
        DeadLetters.addHeaders(
                headers, error.getClass().getName() + ": " + error.getMessage(), stage, intendedTopic, null, null);
        byte[] value = body;
        if (body.length > maxBodyBytes) {
            value = Arrays.copyOf(body, maxBodyBytes);
            headers.add(HEADER_TRUNCATED, utf8("true"));
            headers.add(HEADER_ORIGINAL_BYTES, utf8(Integer.toString(body.length)));
            headers.add(HEADER_ORIGINAL_SHA256, utf8(sha256(body)));
        }
        return new ProducerRecord<>(topic, null, (byte[]) null, value, headers);
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
