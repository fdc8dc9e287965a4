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
package org.retailstream.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A broker behind the test kit's proxy can be made unreachable and reachable again. */
class NetworkCutTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().behindProxy();

    @Test
    void sendsFailWhileTheNetworkIsCutAndSucceedAfterItIsRestored() throws Exception {
        Properties props = KAFKA.clientProperties();
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "3000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(record("before")).get();

            KAFKA.broker().cutNetwork();
            ExecutionException e = assertThrows(ExecutionException.class, () -> producer.send(record("during"))
                    .get());
            assertInstanceOf(TimeoutException.class, e.getCause());

            KAFKA.broker().restoreNetwork();
            producer.send(record("after")).get();
        }

        List<String> values = KAFKA.consumeUntil("pos_health_dlq", 2, Duration.ofSeconds(30)).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
        assertEquals(List.of("before", "after"), values);
    }

    private static ProducerRecord<byte[], byte[]> record(String value) {
        return new ProducerRecord<>("pos_health_dlq", value.getBytes(StandardCharsets.UTF_8));
    }
}
