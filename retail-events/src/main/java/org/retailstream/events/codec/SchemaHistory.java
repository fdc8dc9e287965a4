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
package org.retailstream.events.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Earlier versions of the event schemas, so that Avro payloads written before a schema change still
 * decode (see docs/schema-evolution.md).
 *
 * <p>Every jar may ship an index at {@value #INDEX}: one classpath resource path per line, each an
 * {@code .avsc} of a superseded schema version. Lines starting with '#' are comments.
 */
final class SchemaHistory {

    static final String INDEX = "META-INF/retail-events/schema-history.list";

    private SchemaHistory() {}

    /** All superseded versions of the schema with the given full name found on the classpath. */
    static List<Schema> olderVersionsOf(String fullName, ClassLoader loader) {
        List<Schema> versions = new ArrayList<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                for (String resource : readLines(indexes.nextElement())) {
                    Schema schema = parse(resource, loader);
                    if (schema.getFullName().equals(fullName)) {
                        versions.add(schema);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema history index " + INDEX, e);
        }
        return versions;
    }

    private static List<String> readLines(URL index) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        }
        return lines;
    }

    private static Schema parse(String resource, ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(INDEX + " lists " + resource + ", which is not on the classpath");
            }
            return new Schema.Parser().parse(in);
        }
    }
}
