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
package org.retailstream.events.provision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Command-line options of {@link TopicProvisioner}, named like Kafka's own CLI tools.
 *
 * @param bootstrapServers {@code --bootstrap-servers host:port[,host:port]} (required)
 * @param commandConfig {@code --command-config file}: Kafka client properties (SASL, SSL, ...)
 * @param replicationFactor {@code --replication-factor n}: overrides the recommended factor
 */
public record ProvisionerOptions(
        String bootstrapServers, Optional<Path> commandConfig, Optional<Short> replicationFactor) {

    static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage: TopicProvisioner --bootstrap-servers HOST:PORT[,HOST:PORT...] [options]",
            "",
            "Creates every retail-stream topic and its dead-letter topic that does not exist yet,",
            "with the partitions and retention of the topic catalogue. Safe to run again.",
            "",
            "Options:",
            "  --bootstrap-servers LIST   Kafka brokers to connect to (required).",
            "  --command-config FILE      Kafka client properties, e.g. security.protocol,",
            "                             sasl.mechanism, sasl.jaas.config, ssl.truststore.location.",
            "  --replication-factor N     Replicas per partition. Default: 3, lowered to the number",
            "                             of brokers on smaller clusters.",
            "  --help                     Print this text.");

    /** Thrown for bad arguments; the message says what is wrong, followed by the usage text. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static ProvisionerOptions parse(String... args) throws UsageException {
        String bootstrap = null;
        Path commandConfig = null;
        Short replication = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--bootstrap-servers", "--bootstrap-server" -> bootstrap = valueOf(args, ++i, arg);
                case "--command-config" -> commandConfig = readableFile(valueOf(args, ++i, arg));
                case "--replication-factor" -> replication = replicationFactor(valueOf(args, ++i, arg));
                case "--help", "-h" -> throw new UsageException("");
                default -> throw new UsageException("Unknown option '" + arg + "'");
            }
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new UsageException("--bootstrap-servers is required");
        }
        return new ProvisionerOptions(bootstrap, Optional.ofNullable(commandConfig), Optional.ofNullable(replication));
    }

    /** Client properties: the command-config file's, with bootstrap servers from the command line. */
    Properties clientProperties() throws IOException {
        Properties props = new Properties();
        if (commandConfig.isPresent()) {
            try (InputStream in = Files.newInputStream(commandConfig.get())) {
                props.load(in);
            }
        }
        props.setProperty("bootstrap.servers", bootstrapServers);
        return props;
    }

    private static String valueOf(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static Path readableFile(String value) throws UsageException {
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw new UsageException("--command-config file '" + value + "' does not exist or is not readable");
        }
        return path;
    }

    private static short replicationFactor(String value) throws UsageException {
        try {
            short factor = Short.parseShort(value);
            if (factor < 1) {
                throw new NumberFormatException();
            }
            return factor;
        } catch (NumberFormatException e) {
            throw new UsageException("--replication-factor must be a whole number from 1, got '" + value + "'");
        }
    }
}
