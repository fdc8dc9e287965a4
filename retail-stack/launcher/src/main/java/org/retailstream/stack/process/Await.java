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
package org.retailstream.stack.process;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Waits for a condition with a deadline, checking that the process it depends on is still alive. */
public final class Await {

    private Await() {}

    public static void until(String what, Duration timeout, ChildProcess process, Callable<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (process != null) {
                process.checkAlive();
            }
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + what);
            }
        }
        String log = process == null ? "" : "; see " + process.log();
        throw new StackException("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                + (last == null ? "" : " (last error: " + last.getMessage() + ")") + log);
    }
}
