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
package org.retailstream.flink.jobs.sessions;

import java.util.List;
import org.retailstream.flink.job.JobOption;
import org.retailstream.flink.job.JobSpec;

/** Name and options of the sessions job. */
public final class SessionsSpec {

    public static final String GAP = "gap";
    public static final String MAX_PAGES = "max-pages";

    public static final JobSpec SPEC = new JobSpec(
            "sessions",
            "user_clickstream -> user_sessions: pages, duration and conversion per user session (session windows)",
            List.of(
                    new JobOption(GAP, "30min", "Inactivity that ends a session."),
                    new JobOption(MAX_PAGES, "100", "Most page URLs kept per session (the count is always exact).")),
            "org.retailstream.flink.jobs.sessions.SessionsJob");

    private SessionsSpec() {}
}
