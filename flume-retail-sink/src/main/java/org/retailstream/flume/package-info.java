/**
 * A Flume sink that delivers events to Kafka with header enrichment, committing the channel
 * transaction only once Kafka has acknowledged every event.
 */
package org.retailstream.flume;
