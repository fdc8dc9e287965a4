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
package org.retailstream.stack.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.webjars.WebJarVersionLocator;

/**
 * The page's files: its own from this jar's {@code dashboard/} folder, the charting library from its
 * WebJar (the npm package as published, on the class path at build time, so nothing is fetched at run
 * time).
 */
final class StaticAssets {

    /** The path the page loads Chart.js from. */
    static final String CHART_JS = "/lib/chart.umd.min.js";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final String chartJsResource;

    StaticAssets() {
        String path = new WebJarVersionLocator().fullPath("chart.js", "dist/chart.umd.min.js");
        if (path == null) {
            throw new IllegalStateException("The Chart.js WebJar is not on the class path");
        }
        this.chartJsResource = path;
    }

    /** The file served at {@code path}, if there is one. */
    Optional<Asset> find(String path) throws IOException {
        String resource;
        if (path.equals("/") || path.equals("/index.html")) {
            resource = "dashboard/index.html";
        } else if (path.equals(CHART_JS)) {
            resource = chartJsResource;
        } else if (path.startsWith("/assets/") && path.matches("/assets/[a-z-]+\\.(js|css|svg)")) {
            resource = "dashboard/" + path.substring("/assets/".length());
        } else {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            return Optional.of(new Asset(TYPES.get(extension), in.readAllBytes()));
        }
    }

    /** A file's bytes and its content type. */
    record Asset(String contentType, byte[] bytes) {}
}
