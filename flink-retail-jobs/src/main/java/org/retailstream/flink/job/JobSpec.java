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

/**
 * What a job is called, does and accepts, kept apart from its topology so the jar can print --help
 * and check options without loading Flink classes.
 *
 * @param jobClass the {@link RetailJob} that builds the topology, loaded only to run the job
 */
public record JobSpec(String name, String description, List<JobOption> options, String jobClass)
        implements Serializable {

    public RetailJob newJob() {
        try {
            return (RetailJob) Class.forName(jobClass).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create job " + name + " (" + jobClass + ")", e);
        }
    }
}
