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
 * kill -9 of a Flume agent while it ships: what its file channel held survives; lines its TAILDIR source
 * read after its last saved position are read again (at-least-once, each with its retail.event.id).
 */
final class FlumeKill implements Fault {

    private final String agent;

    FlumeKill(String agent) {
        this.agent = agent;
    }

    @Override
    public String inject(StackParts parts) {
        return "kill -9 Flume agent " + agent + " (pid " + parts.killFlumeAgent(agent) + ")";
    }

    @Override
    public String restore(StackParts parts) throws Exception {
        parts.startFlumeAgent(agent);
        return "started Flume agent " + agent + " again on its file channel";
    }
}
