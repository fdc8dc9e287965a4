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
package org.retailstream.flink.job;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a job is called, does and accepts, kept apart from its topology so the jar can print --help
 * and check options without loading Flink classes.
 *
 * @param jobClass the {@link RetailJob} that builds the topology, loaded only to run the job
 * @param refused options of every job that this one cannot honour, each with the reason its use is
 *     refused (rather than silently ignored)
 */
public record JobSpec(
        String name, String description, List<JobOption> options, String jobClass, Map<String, String> refused)
        implements Serializable {

    public JobSpec(String name, String description, List<JobOption> options, String jobClass) {
        this(name, description, options, jobClass, Map.of());
    }

    /** The options of every job that this one honours. */
    public List<JobOption> commonOptions() {
        return CommonOptions.ALL.stream()
                .filter(option -> !refused.containsKey(option.name()))
                .toList();
    }

    public RetailJob newJob() {
        try {
            return (RetailJob) Class.forName(jobClass).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create job " + name + " (" + jobClass + ")", e);
        }
    }
}
