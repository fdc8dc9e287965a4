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
package org.retailstream.stack.watch;

/**
 * One job as the console and the dashboard show it.
 *
 * @param state Flink's state of the job (RUNNING, RESTARTING, ...), or RUNNING / ENDED for a Spark job's process
 * @param output the topic the job writes
 * @param outputRecords committed records of that topic this run
 * @param lag records in the job's input topics beyond the offsets it committed; -1 when unknown (a Spark
 *     job keeps its offsets in its checkpoint)
 */
public record JobProgress(String job, String state, String output, long outputRecords, long lag) {}
