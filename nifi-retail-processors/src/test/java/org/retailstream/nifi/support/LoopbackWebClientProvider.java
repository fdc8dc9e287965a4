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
package org.retailstream.nifi.support;

import java.time.Duration;
import java.util.List;
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
 * NiFi's standard provider uses; its NAR is not published where this project builds, so tests bring
 * this thin controller service instead.
 */
public class LoopbackWebClientProvider extends AbstractControllerService implements WebClientServiceProvider {

    public static final PropertyDescriptor READ_TIMEOUT = new PropertyDescriptor.Builder()
            .name("Read Timeout")
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
