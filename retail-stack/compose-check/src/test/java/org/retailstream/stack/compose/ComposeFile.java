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
package org.retailstream.stack.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as Compose reads it: {@code ${VAR}} filled in from the {@code .env} beside it,
 * then parsed, so that checks see the paths and tags Compose would use.
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

    private final Path root;
    private final Map<String, String> env;
    private final JsonNode services;

    private ComposeFile(Path root, Map<String, String> env, JsonNode services) {
        this.root = root;
        this.env = env;
        this.services = services;
    }

    static ComposeFile read(Path root) throws IOException {
        Map<String, String> env = dotEnv(root.resolve(".env"));
        String text = Files.readString(root.resolve("docker-compose.yml"));
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = env.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError(
                        "docker-compose.yml uses ${" + matcher.group(1) + "}, which .env does not set");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(filled.toString());
        return new ComposeFile(root, env, compose.path("services"));
    }

    private static Map<String, String> dotEnv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                env.put(
                        trimmed.substring(0, trimmed.indexOf('=')).strip(),
                        trimmed.substring(trimmed.indexOf('=') + 1).strip());
            }
        }
        return env;
    }

    Path root() {
        return root;
    }

    Map<String, String> env() {
        return env;
    }

    /** Service name to its definition, in file order. */
    Map<String, JsonNode> services() {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        services.properties().forEach(entry -> byName.put(entry.getKey(), entry.getValue()));
        return byName;
    }
}
