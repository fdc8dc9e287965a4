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
package org.retailstream.stack.shop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Point-of-sale terminals of three stores writing their log files where the Flume POS agent tails
 * them, in the template's line format ({@code <time> store=.. terminal=.. level=.. message #<line>}). Store
 * 102's terminal 2 has error bursts (the pos-health job calls it DEGRADED), store 103's terminal 3
 * falls silent after {@link #SILENT_AFTER_SECONDS} (SILENT), and a share of lines lacks the store and
 * terminal (dead-lettered by the job).
 */
public final class PosTerminals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PosTerminals.class);
    /** Path name of the POS log files in the tally. */
    public static final String POS_LOGS = "pos-log-files";

    static final int SILENT_AFTER_SECONDS = 45;
    private static final int[] STORES = {101, 102, 103};
    private static final int TERMINALS = 3;
    private static final String[] MESSAGES = {
        "sale completed", "card payment approved", "receipt printed", "drawer opened", "item scanned"
    };
    private static final String[] ERRORS = {"printer offline", "card reader timeout", "scanner not responding"};

    private final Map<Integer, BufferedWriter> files = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final double linesPerSecond;
    private final double malformedShare;
    private final Tally tally;
    private final Thread thread;
    private volatile boolean running = true;

    public PosTerminals(Path dir, double linesPerSecond, ShopSettings settings, Tally tally) throws IOException {
        Files.createDirectories(dir);
        for (int store : STORES) {
            files.put(
                    store,
                    Files.newBufferedWriter(
                            dir.resolve("store-" + store + ".log"),
                            StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND));
        }
        this.random = new SplittableRandom(settings.seed() * 31 + 7);
        this.linesPerSecond = linesPerSecond;
        this.malformedShare = settings.malformedShare();
        this.tally = tally;
        this.thread = new Thread(this::run, "pos-terminals");
    }

    public PosTerminals start() {
        thread.start();
        return this;
    }

    private final java.util.Map<Integer, Long> lineNumbers = new java.util.HashMap<>();

    private void run() {
        long start = System.nanoTime();
        long written = 0;
        try {
            while (running) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                while (written < linesPerSecond * elapsed && running) {
                    write(elapsed);
                    written++;
                }
                for (BufferedWriter file : files.values()) {
                    file.flush();
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("The POS terminals stopped", e);
        }
    }

    private void write(double elapsedSeconds) throws IOException {
        int store = STORES[random.nextInt(STORES.length)];
        int terminal = 1 + random.nextInt(TERMINALS);
        if (store == 103 && terminal == 3 && elapsedSeconds > SILENT_AFTER_SECONDS) {
            terminal = 1 + random.nextInt(TERMINALS - 1);
        }
        boolean burst = store == 102 && terminal == 2 && ((long) elapsedSeconds / 30) % 2 == 1;
        String level = burst && random.nextBoolean() ? "ERROR" : random.nextInt(50) == 0 ? "WARN" : "INFO";
        String message = level.equals("ERROR")
                ? ERRORS[random.nextInt(ERRORS.length)]
                : MESSAGES[random.nextInt(MESSAGES.length)];
        String time = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        // Each store's journal numbers its lines, as tills do: two lines alike in one millisecond are still
        // two lines, and the sink's hash ids (the template's eventId = hash) tell a repeat from a re-delivery.
        long number = lineNumbers.merge(store, 1L, Long::sum);
        String line = random.nextDouble() < malformedShare
                ? time + " till restarted by user interface #" + number
                : time + " store=" + store + " terminal=" + terminal + " level=" + level + " " + message + " #"
                        + number;
        if (!line.contains("store=")) {
            tally.add(POS_LOGS, "malformed");
        }
        BufferedWriter file = files.get(store);
        file.write(line);
        file.write('\n');
        tally.add(POS_LOGS, "lines");
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (BufferedWriter file : files.values()) {
            file.close();
        }
    }
}
