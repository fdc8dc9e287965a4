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
package org.retailstream.stack.flume;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a shipped agent template for this machine, key by key, leaving every other line (the
 * sink's enrichment, batching, producer settings) exactly as shipped.
 */
final class AgentTemplate {

    private AgentTemplate() {}

    static String localize(String template, String agent, Path home, String tailRegex, String bootstrapServers) {
        String text = template;
        text = set(
                text,
                agent + ".sources.tail.positionFile",
                home.resolve("taildir_position.json").toString());
        text = setSuffix(text, agent + ".sources.tail.filegroups.", tailRegex);
        text = set(
                text,
                agent + ".channels.disk.checkpointDir",
                home.resolve("checkpoint").toString());
        text = set(text, agent + ".channels.disk.dataDirs", home.resolve("data").toString());
        text = set(text, agent + ".sinks.kafka.kafka.bootstrap.servers", bootstrapServers);
        return text;
    }

    /** Replaces the value of {@code key}; fails when the template has no such key (it changed under us). */
    static String set(String text, String key, String value) {
        Matcher line =
                Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        if (!line.find()) {
            throw new IllegalArgumentException("The Flume template has no '" + key + "' line");
        }
        return line.replaceFirst(Matcher.quoteReplacement(key + " = " + value));
    }

    /** Replaces the value of the one key starting with {@code prefix} (a file group, whatever its name). */
    static String setSuffix(String text, String prefix, String value) {
        Matcher line = Pattern.compile("(?m)^(" + Pattern.quote(prefix) + "\\w+)\\s*=.*$")
                .matcher(text);
        if (!line.find()) {
            throw new IllegalArgumentException("The Flume template has no '" + prefix + "<group>' line");
        }
        return line.replaceFirst(Matcher.quoteReplacement(line.group(1) + " = ") + Matcher.quoteReplacement(value));
    }
}
