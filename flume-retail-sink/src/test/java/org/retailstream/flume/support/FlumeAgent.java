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
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.flume.node.Application;
import org.apache.flume.node.PropertiesFileConfigurationProvider;

/** A real Flume agent in this JVM, configured from properties exactly as flume-ng would be. */
public final class FlumeAgent implements AutoCloseable {

    private final Application application;

    private FlumeAgent(Application application) {
        this.application = application;
    }

    /** Writes {@code config} (keys without the agent-name prefix) to a file and starts agent {@code name}. */
    @SuppressWarnings("deprecation") // flume-ng itself still uses this provider in 1.11
    public static FlumeAgent start(String name, Map<String, String> config, Path dir) throws IOException {
        Path file = writeConfig(name, config, dir);
        Application application = new Application();
        application.handleConfigurationEvent(
                new PropertiesFileConfigurationProvider(name, file.toFile()).getConfiguration());
        application.start();
        return new FlumeAgent(application);
    }

    /** Writes {@code config} (keys without the agent-name prefix) as agent {@code name}'s properties file in {@code dir}. */
    public static Path writeConfig(String name, Map<String, String> config, Path dir) throws IOException {
        Properties props = new Properties();
        config.forEach((k, v) -> props.setProperty(name + "." + k, v));
        Path file = dir.resolve(name + ".properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "test agent " + name);
        }
        return file;
    }

    /** A counter of a component as Flume's JMX monitoring shows it, e.g. ("SINK", "k1", "EventDrainSuccessCount"). */
    public static long counter(String type, String component, String attribute) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name =
                new ObjectName("org.apache.flume." + type.toLowerCase(java.util.Locale.ROOT) + ":type=" + component);
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }

    /** Every JMX attribute of a component, for failure messages. */
    public static Map<String, Object> counters(String type, String component) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name =
                new ObjectName("org.apache.flume." + type.toLowerCase(java.util.Locale.ROOT) + ":type=" + component);
        Map<String, Object> values = new TreeMap<>();
        for (var attribute : server.getMBeanInfo(name).getAttributes()) {
            values.put(attribute.getName(), server.getAttribute(name, attribute.getName()));
        }
        return values;
    }

    @Override
    public void close() {
        application.stop();
    }
}
