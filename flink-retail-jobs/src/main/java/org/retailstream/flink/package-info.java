/** The retail streaming jobs for Apache Flink and their typed Kafka sources and sinks. */
package org.retailstream.flink;
