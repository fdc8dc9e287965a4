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
package org.retailstream.flume;

import java.util.ArrayList;
import java.util.List;
import org.apache.flume.Channel;
import org.apache.flume.ChannelException;
import org.apache.flume.Context;
import org.apache.flume.Event;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.Transaction;
import org.apache.flume.conf.Configurable;
import org.apache.flume.conf.ConfigurationException;
import org.apache.flume.conf.TransactionCapacitySupported;
import org.apache.flume.sink.AbstractSink;
import org.retailstream.events.kafka.ClientSecrets;
import org.retailstream.flume.config.SinkConfigKeys;
import org.retailstream.flume.config.SinkSettings;
import org.retailstream.flume.config.SinkSettingsParser;
import org.retailstream.flume.deliver.BatchDelivery;
import org.retailstream.flume.deliver.DeadLetterFactory;
import org.retailstream.flume.deliver.KafkaDelivery;
import org.retailstream.flume.deliver.PoisonEventException;
import org.retailstream.flume.deliver.RecordFactory;
import org.retailstream.flume.enrich.AgentIdentity;
import org.retailstream.flume.enrich.EventEnricher;
import org.retailstream.flume.metrics.KafkaSinkMetrics;
import org.retailstream.flume.route.EventRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flume sink that delivers events to Kafka with enrichment headers, and takes them out of the
 * channel only once Kafka has acknowledged every one (or its dead letter).
 *
 * <p>Accepts the configuration of Flume's stock {@code org.apache.flume.sink.kafka.KafkaSink}; an
 * agent switches by changing {@code type} to {@code org.retailstream.flume.EnrichingKafkaSink}.
 * Keys: {@link SinkConfigKeys}; documentation: the module README.
 */
public class EnrichingKafkaSink extends AbstractSink implements Configurable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichingKafkaSink.class);

    private AgentIdentity agent;
    private SinkSettings settings;
    private KafkaSinkMetrics metrics;
    private KafkaDelivery kafka;
    private BatchDelivery delivery;
    private volatile PoisonEventException stoppedBy;

    @Override
    public void configure(Context context) {
        agent = AgentIdentity.resolve(
                context.getString(SinkConfigKeys.ENRICH_HOST), context.getString(SinkConfigKeys.ENRICH_AGENT));
        // Unique per running sink: two agents on one host, or one sink name on two hosts, must not fence each other.
        settings = SinkSettingsParser.parse(
                context, "flume-" + agent.hostName() + "-" + agent.agentName() + "-" + getName());
        if (metrics == null) {
            metrics = new KafkaSinkMetrics(getName());
        }
        checkBatchFitsChannel();
        LOG.info(
                "Sink {} delivers to {} (batch {}, transactions {}, poison policy {}) with producer settings {}",
                getName(),
                settings.topicTemplate(),
                settings.batchSize(),
                settings.transactional(),
                settings.poisonPolicy().configName(),
                ClientSecrets.redacted(settings.producer()));
    }

    /**
     * Flume checks a sink's batch size against its channel only for sinks that declare one, and then
     * drops a mismatched sink with a generic message; this check names both keys instead.
     */
    @Override
    public void setChannel(Channel channel) {
        super.setChannel(channel);
        checkBatchFitsChannel();
    }

    private void checkBatchFitsChannel() {
        if (settings != null
                && getChannel() instanceof TransactionCapacitySupported channel
                && channel.getTransactionCapacity() < settings.batchSize()) {
            throw new ConfigurationException(SinkConfigKeys.BATCH_SIZE + " (" + settings.batchSize() + ") of sink "
                    + getName() + " is larger than transactionCapacity (" + channel.getTransactionCapacity()
                    + ") of channel " + getChannel().getName() + ": raise the channel's transactionCapacity or lower "
                    + SinkConfigKeys.BATCH_SIZE);
        }
    }

    @Override
    public synchronized void start() {
        if (settings == null) {
            throw new IllegalStateException("Sink " + getName() + " was started before configure()");
        }
        checkBatchFitsChannel();
        kafka = new KafkaDelivery(settings.producer(), settings.transactional());
        EventEnricher enricher = new EventEnricher(settings, agent, getName());
        RecordFactory records = new RecordFactory(settings, new EventRouter(settings), enricher);
        DeadLetterFactory deadLetters = new DeadLetterFactory(
                settings.deadLetterTopic(), "flume:" + getName(), settings.deadLetterMaxBodyBytes());
        delivery = new BatchDelivery(
                records, kafka, settings.transactional(), settings.poisonPolicy(), deadLetters, metrics);
        stoppedBy = null;
        metrics.start();
        metrics.incrementConnectionCreatedCount();
        super.start();
    }

    @Override
    public synchronized void stop() {
        if (kafka != null) {
            kafka.close();
            metrics.incrementConnectionClosedCount();
        }
        metrics.stop();
        LOG.info("Sink {} stopped; metrics: {}", getName(), metrics);
        super.stop();
    }

    @Override
    public Status process() throws EventDeliveryException {
        if (stoppedBy != null) {
            throw new EventDeliveryException(
                    "Sink " + getName() + " is stopped by a poison event; restart the agent " + "after fixing it. "
                            + stoppedBy.getMessage(),
                    stoppedBy);
        }
        return deliverOneBatch();
    }

    /** One channel transaction: take a batch, send it, wait for Kafka, commit (or roll back). */
    private Status deliverOneBatch() throws EventDeliveryException {
        Channel channel = getChannel();
        Transaction transaction = channel.getTransaction();
        transaction.begin();
        try {
            List<Event> events = take(channel);
            if (!events.isEmpty()) {
                metrics.addToEventDrainAttemptCount(events.size());
                delivery.deliver(events);
            }
            transaction.commit();
            metrics.addToEventDrainSuccessCount(events.size());
            return events.isEmpty() ? Status.BACKOFF : Status.READY;
        } catch (PoisonEventException e) {
            rollback(transaction);
            stoppedBy = e;
            LOG.error("Sink {} stops delivering: {}", getName(), e.getMessage());
            throw e;
        } catch (EventDeliveryException | RuntimeException e) {
            rollback(transaction);
            metrics.incrementEventWriteFail();
            throw e instanceof EventDeliveryException ede ? ede : new EventDeliveryException(e);
        } catch (InterruptedException e) {
            rollback(transaction);
            Thread.currentThread().interrupt();
            throw new EventDeliveryException("Interrupted while waiting for Kafka; the batch stays in the channel", e);
        } finally {
            transaction.close();
        }
    }

    private List<Event> take(Channel channel) {
        List<Event> events = new ArrayList<>(settings.batchSize());
        try {
            for (int i = 0; i < settings.batchSize(); i++) {
                Event event = channel.take();
                if (event == null) {
                    break;
                }
                events.add(event);
            }
        } catch (ChannelException e) {
            metrics.incrementChannelReadFail();
            throw e;
        }
        countBatch(events.size());
        return events;
    }

    private void countBatch(int size) {
        if (size == 0) {
            metrics.incrementBatchEmptyCount();
        } else if (size < settings.batchSize()) {
            metrics.incrementBatchUnderflowCount();
        } else {
            metrics.incrementBatchCompleteCount();
        }
    }

    private void rollback(Transaction transaction) {
        try {
            transaction.rollback();
            metrics.incrementRollbacks();
        } catch (RuntimeException e) {
            LOG.error("Rolling back the channel transaction of sink {} failed", getName(), e);
        }
    }

    /** The sink's counters, as shown by Flume's monitoring. */
    public KafkaSinkMetrics metrics() {
        return metrics;
    }
}
