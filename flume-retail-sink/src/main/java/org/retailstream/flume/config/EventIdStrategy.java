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

import java.util.Locale;
import org.apache.flume.conf.ConfigurationException;

/** How the enrichment event id is made. */
public enum EventIdStrategy {
    /** A random UUID per delivery attempt. */
    UUID,
    /** SHA-256 of the body, hex: the same line gets the same id, so redeliveries can be de-duplicated. */
    HASH;

    static EventIdStrategy fromConfig(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    SinkConfigKeys.ENRICH_EVENT_ID + " must be uuid or hash, got '" + value + "'");
        }
    }
}
