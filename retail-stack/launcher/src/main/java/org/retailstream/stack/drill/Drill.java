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
package org.retailstream.stack.drill;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The drills {@code bin/run --drill} knows: a name, what it does, how long the fault lasts by default. */
public enum Drill {
    TASKMANAGER_KILL(
            "taskmanager-kill",
            "kill -9 the Flink TaskManager; a new one starts; the jobs restore from their last checkpoint",
            Duration.ZERO,
            outage -> new TaskManagerKill()),
    BROKER_RESTART(
            "broker-restart",
            "stop the Kafka broker, keep it down, start it on the same data folder",
            Duration.ofSeconds(30),
            outage -> new BrokerRestart()),
    FLUME_KILL(
            "flume-kill",
            "kill -9 the POS Flume agent mid-batch and start it again on its file channel",
            Duration.ofSeconds(5),
            outage -> new FlumeKill("pos")),
    BROKER_KILL(
            "broker-kill",
            "kill -9 one of three brokers for good (needs --brokers 3): everything carries on on the other two",
            Duration.ofSeconds(20),
            outage -> new BrokerKill()),
    NIFI_RESTART(
            "nifi-restart",
            "stop NiFi and start it again: its pollers resume from their saved state",
            Duration.ofSeconds(10),
            outage -> new NiFiRestart()),
    API_OUTAGE(
            "api-outage",
            "the competitor APIs answer 503 with Retry-After, then recover",
            Duration.ofMinutes(2),
            ApiOutage::new);

    private final String cliName;
    private final String description;
    private final Duration defaultOutage;
    private final Function<Duration, Fault> fault;

    Drill(String cliName, String description, Duration defaultOutage, Function<Duration, Fault> fault) {
        this.cliName = cliName;
        this.description = description;
        this.defaultOutage = defaultOutage;
        this.fault = fault;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    /** How long the fault lasts when --outage does not say. */
    public Duration defaultOutage() {
        return defaultOutage;
    }

    public Fault fault(Duration outage) {
        return fault.apply(outage);
    }

    public static Drill byName(String name) {
        return Arrays.stream(values())
                .filter(drill -> drill.cliName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown drill '" + name + "'; drills: " + String.join(", ", names())));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Drill::cliName).toList();
    }
}
