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
