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
package org.retailstream.stack.flink;

import java.nio.file.Path;

/** The session cluster's conf/config.yaml: loopback only, state and temp files in the data folder. */
final class FlinkConfig {

    private FlinkConfig() {}

    static String yaml(Path home, int restPort, int rpcPort, int slots) {
        return """
                # Written by bin/run at every start; edit the launcher, not this file.
                jobmanager.rpc.address: 127.0.0.1
                jobmanager.rpc.port: %d
                jobmanager.bind-host: 127.0.0.1
                taskmanager.bind-host: 127.0.0.1
                taskmanager.host: 127.0.0.1
                rest.address: 127.0.0.1
                rest.bind-address: 127.0.0.1
                rest.port: %d
                jobmanager.memory.process.size: 1g
                taskmanager.memory.process.size: 2g
                taskmanager.numberOfTaskSlots: %d
                parallelism.default: 1
                io.tmp.dirs: %s
                web.upload.dir: %s
                web.submit.enable: true
                web.cancel.enable: true
                execution.checkpointing.dir: file://%s
                execution.checkpointing.savepoint-dir: file://%s
                restart-strategy.type: exponential-delay
                # A lost TaskManager is noticed in seconds rather than in about a minute.
                heartbeat.interval: 2s
                heartbeat.timeout: 10s
                env.java.opts.all: %s
                """.formatted(
                        rpcPort,
                        restPort,
                        slots,
                        home.resolve("tmp"),
                        home.resolve("tmp"),
                        home.resolve("checkpoints"),
                        home.resolve("savepoints"),
                        String.join(" ", FlinkSessionCluster.JAVA_OPTS));
    }
}
