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
package org.retailstream.flume.enrich;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts named regex groups from an event body, e.g. store id, terminal id and level of a POS line.
 *
 * <p>Not thread-safe: one matcher is reused for every body (one instance per sink runner thread).
 */
public final class BodyFields {

    private static final BodyFields NONE = new BodyFields(null, List.of());

    private final Matcher matcher;
    private final List<String> groups;

    private BodyFields(Pattern pattern, List<String> groups) {
        this.matcher = pattern == null ? null : pattern.matcher("");
        this.groups = groups;
    }

    public static BodyFields of(Optional<Pattern> pattern, List<String> groups) {
        return pattern.map(p -> new BodyFields(p, groups)).orElse(NONE);
    }

    /** Group name to value for every group that matched; empty if the body does not match. */
    public Map<String, String> extract(byte[] body) {
        if (matcher == null) {
            return Map.of();
        }
        matcher.reset(new String(body, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String group : groups) {
            String value = matcher.group(group);
            if (value != null) {
                fields.put(group, value);
            }
        }
        return fields;
    }
}
