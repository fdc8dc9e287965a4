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
package org.retailstream.flume.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A shipped agent template (templates/flume) as it is, with only what must change on a test machine
 * changed: the TAILDIR position file and file groups, the file channel's directories, and every
 * sink's brokers.
 */
public final class AgentTemplate {

    private AgentTemplate() {}

    /**
     * The settings of agent {@code agent} in {@code template}, keys without the agent prefix.
     *
     * @param dir where the position file and the channel's directories go
     * @param logFiles the TAILDIR file group's pattern (a path or a regex of paths)
     */
    public static Map<String, String> load(
            Path template, String agent, Path dir, String logFiles, String bootstrapServers) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(template)) {
            properties.load(in);
        }
        Map<String, String> config = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith(agent + "."))
                .sorted()
                .forEach(key -> config.put(key.substring(agent.length() + 1), properties.getProperty(key)));
        for (String key : List.copyOf(config.keySet())) {
            if (key.endsWith(".positionFile")) {
                config.put(key, dir.resolve("taildir_position.json").toString());
            } else if (key.matches("sources\\.[^.]+\\.filegroups\\.[^.]+")) {
                config.put(key, logFiles);
            } else if (key.endsWith(".checkpointDir")) {
                config.put(key, dir.resolve("checkpoint").toString());
            } else if (key.endsWith(".dataDirs")) {
                config.put(key, dir.resolve("data").toString());
            } else if (key.startsWith("sinks.") && key.endsWith(".kafka.bootstrap.servers")) {
                config.put(key, bootstrapServers);
            }
        }
        return config;
    }

    /** A template of this repository, e.g. {@code pos-logs-agent.properties}, from the module's folder. */
    public static Path shipped(String name) {
        return Path.of("..", "templates", "flume", name);
    }
}
