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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The drill options refuse what cannot work before anything starts, and say why. */
class DrillOptionsTest {

    @Test
    void brokerKillNeedsThreeBrokers() {
        String error = refused("--drill", "broker-kill");
        assertTrue(error.contains("--drill broker-kill needs --brokers 3"), error);
    }

    @Test
    void anUnknownDrillIsNamedWithTheKnownOnes() {
        String error = refused("--drill", "taskmanager-kill,disk-full");
        assertTrue(
                error.contains("Unknown drill 'disk-full' in --drill; drills: taskmanager-kill, broker-restart,"),
                error);
    }

    @Test
    void drillsEndTheRunThemselves() {
        String error = refused("--drill", "flume-kill", "--duration", "1min");
        assertTrue(error.contains("leave out --duration"), error);
    }

    @Test
    void onlyOneOrThreeBrokers() {
        String error = refused("--brokers", "2");
        assertTrue(error.contains("--brokers must be 1 or 3, got 2"), error);
    }

    @Test
    void helpListsTheDrills() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new RunCommand()).setOut(new PrintWriter(out));
        assertEquals(0, command.execute("--help"));
        String help = out.toString().replaceAll("\\s+", " "); // picocli wraps long descriptions
        assertTrue(
                help.contains("taskmanager-kill, broker-restart, flume-kill, broker-kill, nifi-restart, api-outage"),
                help);
    }

    private static String refused(String... arguments) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new RunCommand()).setErr(new PrintWriter(err));
        assertEquals(2, command.execute(arguments), "exit code of bad options; stderr: " + err);
        return err.toString();
    }
}
