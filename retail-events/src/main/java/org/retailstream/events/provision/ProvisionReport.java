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
package org.retailstream.events.provision;

import java.util.List;

/**
 * The outcome of one provisioning run.
 *
 * @param created topics created by this run
 * @param alreadyPresent topics that existed before and were left as they are
 * @param warnings things an operator should look at (fewer partitions than recommended, lowered replication)
 */
public record ProvisionReport(List<String> created, List<String> alreadyPresent, List<String> warnings) {

    String summary() {
        StringBuilder text = new StringBuilder()
                .append("Created ")
                .append(created.size())
                .append(" topic(s)")
                .append(", ")
                .append(alreadyPresent.size())
                .append(" already present.");
        created.forEach(
                t -> text.append(System.lineSeparator()).append("  created  ").append(t));
        alreadyPresent.forEach(
                t -> text.append(System.lineSeparator()).append("  present  ").append(t));
        warnings.forEach(
                w -> text.append(System.lineSeparator()).append("  WARNING  ").append(w));
        return text.toString();
    }
}
