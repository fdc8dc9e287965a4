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
package org.retailstream.nifi.e2e.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a NAR holding a WebClientServiceProvider for the test. NiFi's own provider NAR
 * (nifi-web-client-provider-service-nar) is not published in the repository this project builds
 * from, so the test wraps NiFi's StandardWebClientService (nifi-web-client) the same way, in a NAR
 * whose parent is nifi-standard-services-api-nar, like a real one.
 */
final class TestWebClientNar {

    private static final String PROVIDER = "org.retailstream.nifi.support.LoopbackWebClientProvider";

    private TestWebClientNar() {}

    static void write(Path nar, Path webClientJar, String nifiVersion) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Nar-Group", "org.retailstream.test");
        main.putValue("Nar-Id", "retail-test-web-client-nar");
        main.putValue("Nar-Version", "0.0.1");
        main.putValue("Nar-Dependency-Group", "org.apache.nifi");
        main.putValue("Nar-Dependency-Id", "nifi-standard-services-api-nar");
        main.putValue("Nar-Dependency-Version", nifiVersion);
        // NiFi's unpacker expects directory entries before the files in them, as the NAR plugin writes them.
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(nar))) {
            out.putNextEntry(new ZipEntry("META-INF/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            manifest.write(out);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("META-INF/bundled-dependencies/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("META-INF/bundled-dependencies/retail-test-web-client.jar"));
            out.write(providerJar());
            out.closeEntry();
            out.putNextEntry(new ZipEntry("META-INF/bundled-dependencies/" + webClientJar.getFileName()));
            Files.copy(webClientJar, out);
            out.closeEntry();
        }
    }

    private static byte[] providerJar() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream jar = new JarOutputStream(bytes)) {
            String classFile = PROVIDER.replace('.', '/') + ".class";
            jar.putNextEntry(new JarEntry(classFile));
            try (InputStream in = TestWebClientNar.class.getClassLoader().getResourceAsStream(classFile)) {
                if (in == null) {
                    throw new IOException(
                            classFile + " is not on the test classpath (nifi-retail-processors test-jar)");
                }
                in.transferTo(jar);
            }
            jar.closeEntry();
            jar.putNextEntry(new JarEntry("META-INF/services/org.apache.nifi.controller.ControllerService"));
            write(jar, PROVIDER + "\n");
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
