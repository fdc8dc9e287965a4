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

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Redacts Kafka client settings that hold secrets (passwords, JAAS configs, keys, tokens), so that
 * components can log their effective configuration without leaking credentials.
 */
public final class ClientSecrets {

    /** What a redacted value is replaced with. */
    public static final String REDACTED = "[hidden]";

    private static final String[] SECRET_MARKERS = {"password", "jaas", "secret", "token", "credential"};

    private ClientSecrets() {}

    /** True if the setting named {@code key} may hold a secret. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".key")) {
            return true; // ssl.keystore.key holds a PEM private key
        }
        for (String marker : SECRET_MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** A sorted copy of {@code settings} with every secret value replaced by {@value #REDACTED}. */
    public static Map<String, String> redacted(Map<?, ?> settings) {
        Map<String, String> copy = new TreeMap<>();
        settings.forEach(
                (k, v) -> copy.put(String.valueOf(k), isSecret(String.valueOf(k)) ? REDACTED : String.valueOf(v)));
        return copy;
    }
}
