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
package org.retailstream.stack;

import java.time.Duration;
import java.util.List;
import org.retailstream.stack.drill.Drill;
import org.retailstream.stack.shop.ShopSettings;

/**
 * Everything a run is told on the command line (see {@code cli.RunCommand} for each option's text).
 *
 * @param duration how long to run before draining and reconciling; null runs until Ctrl-C
 * @param posRate POS log lines per second over all terminals
 * @param brokers Kafka brokers, on kafkaPort and the ports after it (1, or 3 for a replicated cluster)
 * @param dashboardPort the browser dashboard's port on 127.0.0.1
 * @param realWeather poll the real Open-Meteo instead of the simulated one
 * @param drills faults to make one after another on the running stack; empty for a plain run
 * @param outage how long each drill's fault lasts; null for each drill's own default
 */
public record StackSettings(
        StackLayout layout,
        Duration duration,
        Duration refresh,
        List<String> jobs,
        ShopSettings shop,
        double posRate,
        int kafkaPort,
        int brokers,
        int flinkPort,
        int nifiPort,
        int dashboardPort,
        boolean realWeather,
        List<Drill> drills,
        Duration outage,
        boolean spark) {}
