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

/** Who writes a topic: ingestion (NiFi, Flume, the shop) or a streaming job. */
public enum TopicRole {
    /** Written by ingestion: the NiFi processors, the Flume sink or the shop itself. */
    INPUT,
    /** Written by a job of flink-retail-jobs (or, for priced_cart_updates, spark-retail-jobs). */
    JOB_OUTPUT
}
