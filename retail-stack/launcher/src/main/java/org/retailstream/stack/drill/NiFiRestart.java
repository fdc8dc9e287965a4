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
package org.retailstream.stack.drill;

/**
 * NiFi stopped and started again: the flow, its processors' running state and the pollers' state come
 * back from disk, so the price poller emits only what changed while it was down. Recovered means no gap:
 * competitor_prices holds every competitor's current price again.
 */
final class NiFiRestart implements Fault {

    @Override
    public String inject(StackParts parts) {
        return "stopped NiFi (pid " + parts.stopNiFi() + ")";
    }

    @Override
    public String restore(StackParts parts) throws Exception {
        parts.startNiFi();
        return "NiFi is up again on its flow and state";
    }

    @Override
    public boolean recovered(StackParts parts) throws Exception {
        return parts.competitorPricesCurrent();
    }
}
