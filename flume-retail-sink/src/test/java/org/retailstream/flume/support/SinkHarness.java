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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flume.Channel;
import org.apache.flume.Context;
import org.apache.flume.Event;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.Sink;
import org.apache.flume.Transaction;
import org.apache.flume.channel.MemoryChannel;
import org.apache.flume.conf.Configurables;
import org.apache.flume.event.EventBuilder;
import org.retailstream.testkit.Conditions;

/**
 * A real Flume memory channel and a sink, driven the way Flume's SinkRunner drives them, so that a
 * test can cut the network between two calls of {@code process()} and look into the channel.
 */
public final class SinkHarness implements AutoCloseable {

    private final MemoryChannel channel = new MemoryChannel();
    private final Sink sink;

    public SinkHarness(Sink sink, Map<String, String> sinkConfig) {
        channel.setName("c1");
        Configurables.configure(
                channel, new Context(Map.of("capacity", "100000", "transactionCapacity", "10000", "keep-alive", "0")));
        channel.start();
        this.sink = sink;
        sink.setName("k1");
        Configurables.configure(sink, new Context(sinkConfig));
        sink.setChannel(channel);
        sink.start();
    }

    public Sink sink() {
        return sink;
    }

    public Channel channel() {
        return channel;
    }

    public void put(List<Event> events) {
        Transaction tx = channel.getTransaction();
        tx.begin();
        events.forEach(channel::put);
        tx.commit();
        tx.close();
    }

    /** Events in the channel right now (taken and put back: a rolled-back transaction). */
    public int eventsInChannel() {
        Transaction tx = channel.getTransaction();
        tx.begin();
        int count = 0;
        while (channel.take() != null) {
            count++;
        }
        tx.rollback();
        tx.close();
        return count;
    }

    /**
     * Calls process() until the channel is empty, retrying after failed batches as Flume's sink
     * runner does (a batch sent while the network was cut can fail after it is back).
     */
    public void drainRetrying(Duration timeout) throws Exception {
        Conditions.await("the sink drained the channel", timeout, () -> {
            try {
                return sink.process() == Sink.Status.BACKOFF && eventsInChannel() == 0;
            } catch (EventDeliveryException transientFailure) {
                return false;
            }
        });
    }

    /** Calls process() until the channel is empty, failing if a call throws or it takes too long. */
    public void drain(Duration timeout) throws Exception {
        Conditions.await("the sink drained the channel", timeout, () -> {
            try {
                return sink.process() == Sink.Status.BACKOFF;
            } catch (EventDeliveryException e) {
                throw new AssertionError("process() failed while draining: " + e.getMessage(), e);
            }
        });
    }

    public static List<Event> lines(String prefix, int count, Map<String, String> headers) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(EventBuilder.withBody((prefix + i).getBytes(StandardCharsets.UTF_8), headers));
        }
        return events;
    }

    @Override
    public void close() {
        sink.stop();
        channel.stop();
    }
}
