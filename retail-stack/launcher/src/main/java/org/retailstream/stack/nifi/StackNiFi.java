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
package org.retailstream.stack.nifi;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.retailstream.stack.StackLayout;
import org.retailstream.stack.apis.CompetitorPriceApi;
import org.retailstream.stack.apis.WeatherApi;
import org.retailstream.stack.process.Await;
import org.retailstream.stack.process.ChildProcess;
import org.retailstream.stack.shop.Tally;

/**
 * The NiFi side of the stack: the simulated competitor and weather APIs, NiFi itself with the flows
 * of {@code templates/nifi/} polling them, and the site-to-site bridge into Kafka.
 */
public final class StackNiFi implements AutoCloseable {

    /** The key the simulated competitor APIs want; not a secret, and masked by the processor anyway. */
    static final String DEMO_API_KEY = "retail-stream-demo-key";

    static final String REAL_OPEN_METEO = "https://api.open-meteo.com";

    /** The templates poll every 15 minutes; a run of a few minutes needs faster polling to show anything. */
    private static final Map<String, String> DEMO_SCHEDULES =
            Map.of("Get competitor prices", "10 sec", "Get store weather", "30 sec");

    private static final List<String> TEMPLATES = List.of("competitor-prices-to-kafka.json", "weather-to-kafka.json");

    private final StackLayout layout;
    private final CompetitorPriceApi prices;
    private final WeatherApi weather;
    private final int port;
    private NiFiNode node;
    private List<StackFlows.Deployed> flows = List.of();
    private SiteToSiteBridge bridge;

    private StackNiFi(StackLayout layout, int port, CompetitorPriceApi prices, WeatherApi weather, NiFiNode node) {
        this.layout = layout;
        this.port = port;
        this.prices = prices;
        this.weather = weather;
        this.node = node;
    }

    /** Starts the APIs and NiFi's process; {@link #deploy} waits for NiFi and puts the flows in. */
    public static StackNiFi launch(StackLayout layout, int port, long seed) throws IOException {
        CompetitorPriceApi prices = CompetitorPriceApi.start(seed, DEMO_API_KEY);
        WeatherApi weather = WeatherApi.start(seed);
        return new StackNiFi(layout, port, prices, weather, NiFiNode.start(layout, port));
    }

    /** Waits for NiFi, deploys and starts both flows, and starts moving their records to Kafka. */
    public void deploy(String bootstrapServers, boolean realWeather, Tally tally) throws IOException {
        node.awaitUp();
        flows = StackFlows.deploy(
                node.rest(),
                TEMPLATES.stream()
                        .map(name -> layout.templates().resolve("nifi").resolve(name))
                        .toList(),
                Map.of(
                        "competitor.price.urls",
                        prices.endpointUrls(),
                        "competitor.api.key",
                        DEMO_API_KEY,
                        "weather.base.url",
                        realWeather ? REAL_OPEN_METEO : weather.baseUrl(),
                        "weather.store.locations",
                        WeatherApi.STORES),
                DEMO_SCHEDULES);
        bridge = SiteToSiteBridge.start(
                node.ui(), flows.stream().map(StackFlows.Deployed::topic).toList(), bootstrapServers, tally);
    }

    /** Stops NiFi's process (SIGTERM: NiFi saves its flow and state); the bridge retries meanwhile. */
    public long stopNiFi() {
        node.close();
        return node.process().pid();
    }

    /**
     * Starts NiFi again on the same folder and starts its flows, as after the first start (components
     * stay stopped when NiFi starts, see nifi.properties): the flow and the pollers' state come back
     * from disk, and the bridge finds the ports again by itself.
     */
    public void startNiFi() throws IOException {
        node = NiFiNode.start(layout, port);
        node.awaitUp();
        node.rest().startAll();
    }

    /** Stops the pollers and waits until the bridge has carried everything they emitted to Kafka. */
    public void drain(Duration timeout) throws IOException {
        for (StackFlows.Deployed flow : flows) {
            node.rest().stopProcessor(flow.processorId());
        }
        Instant stopped = Instant.now();
        Await.until(
                "the NiFi bridge to carry every record to Kafka",
                timeout,
                node.process(),
                () -> bridge.drainedSince(stopped));
    }

    /** FlowFiles NiFi still holds for each topic's port: what the bridge has not carried to Kafka. */
    public Map<String, Integer> undelivered() throws IOException {
        return node.rest().queuedBefore(topics());
    }

    public List<String> topics() {
        return flows.stream().map(StackFlows.Deployed::topic).toList();
    }

    /** The simulated competitor APIs the price flow polls. */
    public CompetitorPriceApi competitorApi() {
        return prices;
    }

    public URI ui() {
        return node.ui();
    }

    public ChildProcess process() {
        return node.process();
    }

    @Override
    public void close() {
        if (bridge != null) {
            bridge.close();
        }
        node.close();
        prices.close();
        weather.close();
    }
}
