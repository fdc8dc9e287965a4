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
package org.retailstream.flume.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic name with {@code %{header}} placeholders, parsed once. A plain name costs nothing per event.
 */
final class TopicTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("%\\{([^}]+)}");

    /** Literal text and header names, alternating: even indexes literal, odd indexes header names. */
    private final List<String> parts;

    private final String constant;

    TopicTemplate(String template) {
        List<String> split = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        int last = 0;
        while (matcher.find()) {
            split.add(template.substring(last, matcher.start()));
            split.add(matcher.group(1).trim());
            last = matcher.end();
        }
        split.add(template.substring(last));
        this.parts = List.copyOf(split);
        this.constant = parts.size() == 1 ? template : null;
    }

    /** The topic for these headers, or null if a placeholder's header is missing or empty. */
    String resolve(Map<String, String> headers) {
        if (constant != null) {
            return constant;
        }
        StringBuilder topic = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                topic.append(parts.get(i));
            } else {
                String value = headers.get(parts.get(i));
                if (value == null || value.isEmpty()) {
                    return null;
                }
                topic.append(value);
            }
        }
        return topic.toString();
    }
}
