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

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who is sending: the host, its address and the Flume agent, resolved once when the sink is
 * configured (resolution can take seconds on a misconfigured host; it must not happen per event).
 * They name the records' origin and make the default transactional id unique per agent.
 *
 * <p>Host name, first that gives one: {@code enrich.host}; the system host name (what {@code hostname}
 * prints, taken as set, not looked up again: a reverse lookup turns it into "localhost" on the many
 * Linux installs whose /etc/hosts maps it to a loopback address); the {@code HOSTNAME} environment
 * variable; {@code unknown-host}. Address: the host name's address unless it is a loopback one, else
 * the first IPv4, then IPv6, address of an interface that is up and not a loopback, else loopback.
 * Agent: {@code enrich.agent}; the {@code -n}/{@code --name} the agent process was started with
 * ({@code flume-ng agent -n <name>}); {@code flume}.
 *
 * @param hostName the host's name
 * @param address its IP address, non-loopback where it has one
 * @param agentName the Flume agent's name
 */
public record AgentIdentity(String hostName, String address, String agentName) {

    static final String UNKNOWN_HOST = "unknown-host";
    static final String DEFAULT_AGENT = "flume";

    /** @param host {@code enrich.host} or null; @param agent {@code enrich.agent} or null */
    public static AgentIdentity resolve(String host, String agent) {
        InetAddress local = localHost().orElse(null);
        String hostName = firstNonBlank(
                host, local == null ? null : local.getHostName(), System.getenv("HOSTNAME"), UNKNOWN_HOST);
        String address = local != null && !local.isLoopbackAddress()
                ? local.getHostAddress()
                : interfaceAddress().orElse(InetAddress.getLoopbackAddress().getHostAddress());
        String agentName = firstNonBlank(agent, agentNameOfThisProcess(), DEFAULT_AGENT);
        return new AgentIdentity(hostName, address, agentName);
    }

    /**
     * The agent name this JVM was started with: HotSpot's {@code sun.java.command} (main class and
     * arguments) first, since the process's own argument list can be unavailable for the long
     * classpaths agents have; then that list.
     */
    private static String agentNameOfThisProcess() {
        String command = System.getProperty("sun.java.command");
        String fromCommand = command == null ? null : agentNameOf(command.split(" "));
        return fromCommand != null
                ? fromCommand
                : agentNameOf(ProcessHandle.current().info().arguments().orElse(new String[0]));
    }

    /** The value of {@code -n}/{@code --name} on an agent's command line, or null. */
    static String agentNameOf(String[] arguments) {
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-n") || arguments[i].equals("--name")) {
                return arguments[i + 1];
            }
        }
        return null;
    }

    private static Optional<InetAddress> localHost() {
        try {
            return Optional.of(InetAddress.getLocalHost());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> interfaceAddress() {
        try {
            List<InetAddress> candidates = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(AgentIdentity::isUsable)
                    .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                    .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                    .toList();
            return candidates.stream()
                    .filter(address -> address instanceof Inet4Address)
                    .findFirst()
                    .or(() -> candidates.stream().findFirst())
                    .map(InetAddress::getHostAddress);
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUsable(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
