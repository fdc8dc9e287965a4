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
package org.retailstream.nifi.webclient;

import java.time.Duration;
import java.util.List;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.lifecycle.OnDisabled;
import org.apache.nifi.annotation.lifecycle.OnEnabled;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.controller.AbstractControllerService;
import org.apache.nifi.controller.ConfigurationContext;
import org.apache.nifi.processor.util.StandardValidators;
import org.apache.nifi.web.client.StandardHttpUriBuilder;
import org.apache.nifi.web.client.StandardWebClientService;
import org.apache.nifi.web.client.api.HttpUriBuilder;
import org.apache.nifi.web.client.api.WebClientService;
import org.apache.nifi.web.client.provider.api.WebClientServiceProvider;

/**
 * A WebClientServiceProvider over NiFi's own StandardWebClientService (nifi-web-client), the client
 * NiFi's standard provider uses. That provider's NAR is not published on Maven Central, so a NiFi
 * assembled from there (the run command, the tests) brings this thin controller service instead; a
 * full NiFi install has the standard one.
 */
@Tags({"web", "http", "client", "retail"})
@CapabilityDescription("Web Client Service Provider over NiFi's StandardWebClientService, for NiFi runtimes"
        + " without NiFi's own provider NAR (as the retail-stream run command assembles). Use NiFi's"
        + " StandardWebClientServiceProvider where it is installed.")
public class StandaloneWebClientProvider extends AbstractControllerService implements WebClientServiceProvider {

    public static final PropertyDescriptor READ_TIMEOUT = new PropertyDescriptor.Builder()
            .name("Read Timeout")
            .description("How long to wait for data from the server.")
            .required(true)
            .defaultValue("10 s")
            .addValidator(StandardValidators.TIME_PERIOD_VALIDATOR)
            .build();

    private volatile StandardWebClientService client;

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return List.of(READ_TIMEOUT);
    }

    @OnEnabled
    public void onEnabled(ConfigurationContext context) {
        StandardWebClientService service = new StandardWebClientService();
        service.setConnectTimeout(Duration.ofSeconds(5));
        service.setReadTimeout(Duration.ofMillis(
                context.getProperty(READ_TIMEOUT).asTimePeriod(java.util.concurrent.TimeUnit.MILLISECONDS)));
        client = service;
    }

    @OnDisabled
    public void onDisabled() {
        client.close();
    }

    @Override
    public HttpUriBuilder getHttpUriBuilder() {
        return new StandardHttpUriBuilder();
    }

    @Override
    public WebClientService getWebClientService() {
        return client;
    }
}
