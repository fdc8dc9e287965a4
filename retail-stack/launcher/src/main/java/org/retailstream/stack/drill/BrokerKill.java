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
 * One broker of three killed for good: its partitions' leadership moves to the other two, which still
 * make the min.insync.replicas of 2, so producers with acks=all, Flume, the NiFi bridge and the jobs'
 * transactions carry on; the controller quorum keeps two of three voters.
 */
final class BrokerKill implements Fault {

    @Override
    public String inject(StackParts parts) {
        int victim = parts.brokers();
        return "kill -9 Kafka broker " + victim + " (pid " + parts.killBroker(victim) + "), for good";
    }

    @Override
    public String restore(StackParts parts) {
        return "nothing restored: the cluster runs on " + (parts.brokers() - 1) + " brokers";
    }
}
