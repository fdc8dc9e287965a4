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
package org.retailstream.nifi.paging;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sets one query parameter of a URL in place, keeping the others as they were (encoded). */
final class QueryParameters {

    private QueryParameters() {}

    static URI with(URI uri, String name, String value) {
        String encodedName = encode(name);
        String replacement = encodedName + "=" + encode(value);
        List<String> pairs = new ArrayList<>();
        boolean replaced = false;
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String pairName = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pairName.equals(encodedName)) {
                    pairs.add(pair);
                } else if (!replaced) {
                    pairs.add(replacement);
                    replaced = true;
                }
            }
        }
        if (!replaced) {
            pairs.add(replacement);
        }
        String base = uri.toString();
        int cut = base.indexOf('?');
        int fragment = base.indexOf('#');
        String withoutQuery = cut >= 0 ? base.substring(0, cut) : fragment >= 0 ? base.substring(0, fragment) : base;
        return URI.create(withoutQuery + "?" + String.join("&", pairs));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
