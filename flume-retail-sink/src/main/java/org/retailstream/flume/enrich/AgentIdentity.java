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
package org.retailstream.flume.enrich;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The host the agent runs on, resolved once when the sink starts (resolution can take seconds on a
 * misconfigured host; it must not happen per event).
 *
 * @param hostName the canonical host name, or the address if it has none
 * @param address the IP address
 */
public record AgentIdentity(String hostName, String address) {

    public static AgentIdentity ofLocalHost() {
        try {
            InetAddress local = InetAddress.getLocalHost();
            return new AgentIdentity(local.getCanonicalHostName(), local.getHostAddress());
        } catch (UnknownHostException e) {
            return new AgentIdentity(System.getenv().getOrDefault("HOSTNAME", "unknown"), "unknown");
        }
    }
}
