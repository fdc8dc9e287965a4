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
package org.retailstream.stack.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C as a request, not an exit: the first SIGINT asks the stack to drain and reconcile, so the
 * run still ends with its books and an exit code that says whether they balanced; a second one
 * exits at once (the shutdown hook then stops the parts without reconciling).
 *
 * <p>Why a signal handler rather than only a shutdown hook: once the JVM is shutting down, the exit
 * code is 130 whatever the reconciliation found. A shell that started the launcher in the background
 * makes it ignore SIGINT; the JVM then keeps ignoring it, as every program does.
 */
final class CtrlC {

    private CtrlC() {}

    static void onInterrupt(Runnable requestStop, PrintStream out) {
        AtomicInteger presses = new AtomicInteger();
        Signal.handle(new Signal("INT"), signal -> {
            if (presses.incrementAndGet() == 1) {
                out.println("\nCtrl-C: draining and reconciling (press Ctrl-C again to stop without reconciling)...");
                requestStop.run();
            } else {
                System.exit(RunCommand.INTERRUPTED);
            }
        });
    }
}
