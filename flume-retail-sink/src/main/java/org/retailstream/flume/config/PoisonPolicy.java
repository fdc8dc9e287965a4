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

/** What the sink does with an event Kafka will never accept (too large, unserializable, invalid). */
public enum PoisonPolicy {
    /** Write it to the dead-letter topic with the error in its headers, then go on. */
    DEAD_LETTER("deadLetter"),
    /** Keep it in the channel and stop delivering, with an error naming the event, until restarted. */
    STOP("stop");

    private final String configName;

    PoisonPolicy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static PoisonPolicy fromConfig(String value) {
        for (PoisonPolicy policy : values()) {
            if (policy.configName.toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new ConfigurationException(
                SinkConfigKeys.POISON_POLICY + " must be deadLetter or stop, got '" + value + "'");
    }
}
