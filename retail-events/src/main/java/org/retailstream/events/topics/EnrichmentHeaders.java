package org.retailstream.events.topics;

/**
 * Kafka header names the Flume sink writes (its defaults) and the Flink jobs read: the contract
 * between the two for raw-text topics such as pos_logs.
 */
public final class EnrichmentHeaders {

    public static final String HOST = "retail.host";
    public static final String IP = "retail.ip";
    public static final String INGEST_TIME = "retail.ingest.ts";
    public static final String SINK = "retail.sink";
    public static final String EVENT_ID = "retail.event.id";
    public static final String SOURCE_FILE = "retail.source.file";

    /** Fields the POS agent template extracts from each line (named regex groups). */
    public static final String POS_STORE_ID = "storeId";

    public static final String POS_TERMINAL_ID = "terminalId";
    public static final String POS_LEVEL = "level";

    private EnrichmentHeaders() {}
}
