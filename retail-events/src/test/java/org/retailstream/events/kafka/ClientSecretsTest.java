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
package org.retailstream.events.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSecretsTest {

    @Test
    void hidesEverySettingThatCanHoldACredential() {
        Map<String, String> redacted = ClientSecrets.redacted(Map.of(
                "sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.password", "changeit",
                "ssl.keystore.key", "-----BEGIN",
                "sasl.oauthbearer.token.endpoint.url", "https://idp",
                "bootstrap.servers", "k:9092",
                "acks", "all"));

        assertEquals(
                Map.of(
                        "sasl.jaas.config", "[hidden]",
                        "ssl.truststore.password", "[hidden]",
                        "ssl.keystore.key", "[hidden]",
                        "sasl.oauthbearer.token.endpoint.url", "[hidden]",
                        "bootstrap.servers", "k:9092",
                        "acks", "all"),
                redacted);
    }
}
