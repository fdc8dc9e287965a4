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
 * The broker stopped and started again on its data folder: Flume keeps events in its file channel, the
 * shop's producers and the NiFi bridge retry, the jobs fail and restore once it is back.
 */
final class BrokerRestart implements Fault {

    @Override
    public String inject(StackParts parts) {
        return "stopped the Kafka broker (pid " + parts.stopKafka() + ")";
    }

    @Override
    public String restore(StackParts parts) throws Exception {
        parts.startKafka();
        return "started the Kafka broker again on the same data folder";
    }
}
