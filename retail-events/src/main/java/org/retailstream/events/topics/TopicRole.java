package org.retailstream.events.topics;

/** Who writes a topic: ingestion (NiFi, Flume, the shop) or a Flink job. */
public enum TopicRole {
    /** Written by ingestion: the NiFi processors, the Flume sink or the shop itself. */
    INPUT,
    /** Written by a Flink job of flink-retail-jobs. */
    JOB_OUTPUT
}
