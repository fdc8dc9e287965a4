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

import java.util.List;
import java.util.Map;

/**
 * The pipeline's own figures, as the run command measured them at its last refresh.
 *
 * @param links the parts' own web UIs by name (Flink, NiFi)
 */
public record PipelineHealth(
        long uptimeSeconds, List<TopicFlow> topics, List<JobProgress> jobs, Map<String, String> links) {

    /** Before the first refresh. */
    public static final PipelineHealth NONE = new PipelineHealth(0, List.of(), List.of(), Map.of());

    /**
     * One input topic this run.
     *
     * @param perSecond records a second since the previous refresh
     * @param latestError the error of the newest dead letter, null when there is none
     */
    public record TopicFlow(String topic, long records, double perSecond, long deadLetters, String latestError) {}
}
