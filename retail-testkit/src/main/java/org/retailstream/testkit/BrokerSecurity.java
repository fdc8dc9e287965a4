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

import java.util.Properties;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;

/** The listener security of a test broker and the client settings that pass it. */
public enum BrokerSecurity {
    /** No authentication. */
    PLAINTEXT(SecurityProtocol.PLAINTEXT),
    /**
     * SASL/PLAIN over plaintext. The broker knows the users {@link #ADMIN_USER} (a super user) and
     * {@link #USER}; ACLs deny everyone else.
     */
    SASL_PLAIN(SecurityProtocol.SASL_PLAINTEXT);

    /** Super user of a {@link #SASL_PLAIN} broker. */
    public static final String ADMIN_USER = JaasUtils.KAFKA_PLAIN_ADMIN;
    /** Password of {@link #ADMIN_USER}. */
    public static final String ADMIN_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;
    /** An ordinary user of a {@link #SASL_PLAIN} broker, with no ACLs. */
    public static final String USER = JaasUtils.KAFKA_PLAIN_USER1;
    /** Password of {@link #USER}. */
    public static final String USER_PASSWORD = JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;

    private final SecurityProtocol protocol;

    BrokerSecurity(SecurityProtocol protocol) {
        this.protocol = protocol;
    }

    SecurityProtocol protocol() {
        return protocol;
    }

    /** Client properties that authenticate as {@code user}; empty for {@link #PLAINTEXT}. */
    public Properties clientProperties(String user, String password) {
        Properties props = new Properties();
        if (this == SASL_PLAIN) {
            props.setProperty("security.protocol", protocol.name);
            props.setProperty("sasl.mechanism", "PLAIN");
            props.setProperty(
                    "sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                            + "\" password=\"" + password + "\";");
        }
        return props;
    }
}
