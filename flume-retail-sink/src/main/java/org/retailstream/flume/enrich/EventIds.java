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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.retailstream.flume.config.EventIdStrategy;

/** Makes the enrichment event id. */
public final class EventIds {

    private final EventIdStrategy strategy;
    private final MessageDigest sha256;

    public EventIds(EventIdStrategy strategy) {
        this.strategy = strategy;
        this.sha256 = strategy == EventIdStrategy.HASH ? newSha256() : null;
    }

    public byte[] idFor(byte[] body) {
        if (strategy == EventIdStrategy.HASH) {
            return HexFormat.of().formatHex(sha256.digest(body)).getBytes(StandardCharsets.US_ASCII);
        }
        // Version-4 UUID from a thread-local generator: UUID.randomUUID() goes through SecureRandom,
        // which is needlessly slow for an id that only has to be unique, not unguessable.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
