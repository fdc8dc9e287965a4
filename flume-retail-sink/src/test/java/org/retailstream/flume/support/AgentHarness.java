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
package org.retailstream.flume.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flume.Event;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.retailstream.testkit.Conditions;

/**
 * A sink under test inside a real agent, as users run it: an Avro source on loopback (events go in
 * with their headers through Flume's own RPC client, which returns once the channel committed them),
 * a memory channel, and the sink named {@code k1}, driven by Flume's sink runner. What happened is read
 * from the components' JMX counters, as Flume's monitoring shows them.
 */
public final class AgentHarness implements AutoCloseable {

    private final FlumeAgent agent;
    private final RpcClient client;
    private long put;

    /**
     * Starts agent {@code a1}.
     *
     * @param sinkType the sink class, e.g. ours or Flume's stock KafkaSink
     * @param sinkConfig the sink's settings, keys without the {@code sinks.k1.} prefix
     */
    public AgentHarness(String sinkType, Map<String, String> sinkConfig, Path dir) throws Exception {
        int port = freePort();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("sources", "r1");
        config.put("channels", "c1");
        config.put("sinks", "k1");
        config.put("sources.r1.type", "avro");
        config.put("sources.r1.bind", "127.0.0.1");
        config.put("sources.r1.port", Integer.toString(port));
        config.put("sources.r1.channels", "c1");
        config.put("channels.c1.type", "memory");
        config.put("channels.c1.capacity", "100000");
        config.put("channels.c1.transactionCapacity", "10000");
        config.put("sinks.k1.type", sinkType);
        config.put("sinks.k1.channel", "c1");
        sinkConfig.forEach((key, value) -> config.put("sinks.k1." + key, value));
        this.agent = FlumeAgent.start("a1", config, dir);
        this.client = connect(port);
    }

    private static RpcClient connect(int port) throws InterruptedException {
        RpcClient[] connected = new RpcClient[1];
        Conditions.await("the agent's Avro source accepts connections", Duration.ofSeconds(30), () -> {
            try {
                connected[0] = RpcClientFactory.getDefaultInstance("127.0.0.1", port, 1000);
                return true;
            } catch (org.apache.flume.FlumeException notYet) {
                return false;
            }
        });
        return connected[0];
    }

    /** Puts {@code events} into the channel through the source; returns once the channel has them. */
    public void put(List<Event> events) throws Exception {
        client.appendBatch(events);
        put += events.size();
    }

    public long eventsInChannel() {
        return counter("CHANNEL", "c1", "ChannelSize");
    }

    /** A counter of the sink, e.g. EventDrainSuccessCount, RollbackCount, DeadLetterCount. */
    public long sinkCounter(String name) {
        return counter("SINK", "k1", name);
    }

    /** Waits until the sink took every event put out of the channel, failing at its first rollback. */
    public void drain(Duration timeout) throws Exception {
        Conditions.await("the sink drained the channel", timeout, () -> {
            if (sinkCounter("RollbackCount") > 0) {
                throw new AssertionError("the sink rolled a batch back: " + counters());
            }
            return sinkCounter("EventDrainSuccessCount") == put && eventsInChannel() == 0;
        });
    }

    public String counters() {
        try {
            return FlumeAgent.counters("SINK", "k1").toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static long counter(String type, String component, String name) {
        try {
            return FlumeAgent.counter(type, component, name);
        } catch (Exception e) {
            throw new IllegalStateException("no counter " + type + "/" + component + "/" + name, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
        agent.close();
    }
}
