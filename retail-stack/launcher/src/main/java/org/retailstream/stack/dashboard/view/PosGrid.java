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
package org.retailstream.stack.dashboard.view;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.retailstream.events.model.PosHealthAlert;

/** Each store's terminals with the status of their newest health window. */
public final class PosGrid {

    /** One terminal's newest window. */
    public record Terminal(
            String store, String terminal, String status, String reason, long windowStart, long lines, long errors) {}

    private final Map<String, Terminal> terminals = new TreeMap<>();

    public synchronized void accept(PosHealthAlert alert) {
        Terminal terminal = new Terminal(
                alert.getStoreId(),
                alert.getTerminalId(),
                alert.getStatus().name(),
                alert.getReason(),
                alert.getWindowStart().toEpochMilli(),
                alert.getLineCount(),
                alert.getErrorCount());
        // A window re-emitted or arriving out of order must not hide a newer one.
        terminals.merge(
                terminal.store() + "/" + terminal.terminal(),
                terminal,
                (old, next) -> next.windowStart() >= old.windowStart() ? next : old);
    }

    /** By store, then terminal. */
    public synchronized List<Terminal> snapshot() {
        return List.copyOf(terminals.values());
    }
}
