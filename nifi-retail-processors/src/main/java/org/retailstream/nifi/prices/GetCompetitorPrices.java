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
package org.retailstream.nifi.prices;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.nifi.annotation.behavior.InputRequirement;
import org.apache.nifi.annotation.behavior.PrimaryNodeOnly;
import org.apache.nifi.annotation.behavior.Stateful;
import org.apache.nifi.annotation.behavior.TriggerSerially;
import org.apache.nifi.annotation.behavior.WritesAttribute;
import org.apache.nifi.annotation.behavior.WritesAttributes;
import org.apache.nifi.annotation.configuration.DefaultSchedule;
import org.apache.nifi.annotation.configuration.DefaultSettings;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.SeeAlso;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.lifecycle.OnScheduled;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.components.ValidationContext;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.components.state.Scope;
import org.apache.nifi.expression.ExpressionLanguageScope;
import org.apache.nifi.processor.AbstractProcessor;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.processor.exception.ProcessException;
import org.apache.nifi.processor.util.StandardValidators;
import org.apache.nifi.scheduling.SchedulingStrategy;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.retailstream.events.topics.RetailTopic;
import org.retailstream.nifi.http.ApiClient;
import org.retailstream.nifi.http.ApiFailures;
import org.retailstream.nifi.http.AuthenticationStrategy;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.http.Polls;
import org.retailstream.nifi.http.RetryGate;
import org.retailstream.nifi.http.SecretRedactor;
import org.retailstream.nifi.paging.PagingProperties;
import org.retailstream.nifi.record.AvroRecordSchemas;
import org.retailstream.nifi.record.InvalidItems;
import org.retailstream.nifi.record.RecordFlowFileWriter;
import org.retailstream.nifi.weather.GetWeatherObservations;

@Tags({"retail", "competitor", "price", "pricing", "http", "rest", "json", "record", "poll"})
@CapabilityDescription("Polls competitor price APIs and emits one competitor_prices record per item (competitor,"
        + " SKU, exact decimal price, currency, availability, product URL, observed-at), streaming the response"
        + " so any size fits in heap. Follows pagination, emits only changed prices by default, and never loses"
        + " a response: HTTP 429/5xx roll the poll back and back off, malformed pages go to failure and bad"
        + " items to invalid. Feed its output to PublishKafka with the competitor_prices topic.")
@InputRequirement(InputRequirement.Requirement.INPUT_FORBIDDEN)
@PrimaryNodeOnly
@TriggerSerially
@DefaultSchedule(strategy = SchedulingStrategy.TIMER_DRIVEN, period = "15 min")
// A failed poll (5xx, timeout) waits a minute before the next attempt, not the framework's 1 s.
@DefaultSettings(yieldDuration = "1 min")
@Stateful(
        scopes = Scope.CLUSTER,
        description = "With Emit Strategy 'Changed Prices Only': a hash of the last emitted price, currency and"
                + " availability per competitor and SKU (at most Maximum Tracked Prices entries). Cleared state"
                + " means every price is emitted once more.")
@WritesAttributes({
    @WritesAttribute(attribute = RecordFlowFileWriter.RECORD_COUNT, description = "Records in the FlowFile."),
    @WritesAttribute(attribute = "mime.type", description = "The Record Writer's MIME type."),
    @WritesAttribute(attribute = PollingProperties.SOURCE_URL, description = "URL of the page, without secrets."),
    @WritesAttribute(attribute = PollingProperties.POLL_TIME, description = "When the poll started (ISO-8601, UTC)."),
    @WritesAttribute(attribute = PollingProperties.PAGE_NUMBER, description = "Page of the endpoint, from 1."),
    @WritesAttribute(attribute = InvalidItems.INVALID_COUNT, description = "On invalid: items in the FlowFile."),
    @WritesAttribute(attribute = ApiFailures.ERROR_MESSAGE, description = "On invalid and failure: what was wrong."),
    @WritesAttribute(attribute = PollingProperties.HTTP_STATUS_CODE, description = "On failure: the HTTP status.")
})
@SeeAlso(GetWeatherObservations.class)
public class GetCompetitorPrices extends AbstractProcessor {

    public static final PropertyDescriptor ENDPOINT_URLS = new PropertyDescriptor.Builder()
            .name("Endpoint URLs")
            .description("Competitor price API URLs to poll, separated by commas or new lines.")
            .required(true)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .build();

    public static final PropertyDescriptor AUTHENTICATION_STRATEGY = new PropertyDescriptor.Builder()
            .name("Authentication Strategy")
            .description("How the API expects its credential.")
            .required(true)
            .allowableValues(AuthenticationStrategy.class)
            .defaultValue(AuthenticationStrategy.NONE)
            .build();

    public static final PropertyDescriptor API_KEY_HEADER_NAME = new PropertyDescriptor.Builder()
            .name("API Key Header Name")
            .description("Request header that carries the API key.")
            .required(true)
            .defaultValue("X-API-Key")
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .dependsOn(AUTHENTICATION_STRATEGY, AuthenticationStrategy.API_KEY_HEADER)
            .build();

    public static final PropertyDescriptor API_KEY = new PropertyDescriptor.Builder()
            .name("API Key")
            .description("The API key. Never written to logs, attributes or provenance.")
            .required(true)
            .sensitive(true)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .dependsOn(AUTHENTICATION_STRATEGY, AuthenticationStrategy.API_KEY_HEADER)
            .build();

    public static final PropertyDescriptor BEARER_TOKEN = new PropertyDescriptor.Builder()
            .name("Bearer Token")
            .description(
                    "Token sent as 'Authorization: Bearer <token>'. Never written to logs, attributes or provenance.")
            .required(true)
            .sensitive(true)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .dependsOn(AUTHENTICATION_STRATEGY, AuthenticationStrategy.BEARER_TOKEN)
            .build();

    public static final PropertyDescriptor ITEMS_PATH = jsonPointer(
            "Items Path",
            null,
            "JSON Pointer to the array of price items. Empty: the response itself when it is an"
                    + " array, otherwise its 'items' field.",
            false);
    public static final PropertyDescriptor SKU_PATH =
            jsonPointer("SKU Path", "/sku", "JSON Pointer to the SKU within an item.", true);
    public static final PropertyDescriptor COMPETITOR_PATH = jsonPointer(
            "Competitor Path",
            "/competitor",
            "JSON Pointer to the competitor within an item; Competitor Name is used when absent.",
            true);
    public static final PropertyDescriptor PRICE_PATH = jsonPointer(
            "Price Path", "/price", "JSON Pointer to the price (number or numeric string, at most 4 decimals).", true);
    public static final PropertyDescriptor CURRENCY_PATH =
            jsonPointer("Currency Path", "/currency", "JSON Pointer to the ISO 4217 currency code.", true);
    public static final PropertyDescriptor AVAILABILITY_PATH = jsonPointer(
            "Availability Path",
            "/availability",
            "JSON Pointer to the availability; unrecognised values become UNKNOWN.",
            true);
    public static final PropertyDescriptor PRODUCT_URL_PATH = jsonPointer(
            "Product URL Path",
            "/product_url",
            "JSON Pointer to the competitor's product page (optional in items).",
            true);
    public static final PropertyDescriptor OBSERVED_AT_PATH = jsonPointer(
            "Observed At Path",
            "/observed_at",
            "JSON Pointer to the price time (ISO-8601 with offset, or epoch"
                    + " milliseconds); the poll time is used when absent.",
            true);

    public static final PropertyDescriptor COMPETITOR_NAME = new PropertyDescriptor.Builder()
            .name("Competitor Name")
            .description("Competitor of items that do not name one, e.g. when each endpoint is one competitor's API.")
            .required(false)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .build();

    public static final PropertyDescriptor DEFAULT_CURRENCY = new PropertyDescriptor.Builder()
            .name("Default Currency")
            .description("ISO 4217 code for items without a currency. Without it such items are invalid.")
            .required(false)
            .addValidator(StandardValidators.createRegexMatchingValidator(java.util.regex.Pattern.compile("[A-Z]{3}")))
            .build();

    public static final PropertyDescriptor EMIT_STRATEGY = new PropertyDescriptor.Builder()
            .name("Emit Strategy")
            .description("Whether every polled price is emitted or only those whose price, currency or availability"
                    + " changed since they were last emitted.")
            .required(true)
            .allowableValues(EmitStrategy.class)
            .defaultValue(EmitStrategy.CHANGED_ONLY)
            .build();

    public static final PropertyDescriptor MAX_TRACKED_PRICES = new PropertyDescriptor.Builder()
            .name("Maximum Tracked Prices")
            .description("Competitor+SKU pairs remembered for change detection (about 40 bytes of state each);"
                    + " beyond it the least recently seen are forgotten and emitted again when next seen.")
            .required(true)
            .defaultValue("20000")
            .addValidator(StandardValidators.createLongValidator(1, 1_000_000, true))
            .dependsOn(EMIT_STRATEGY, EmitStrategy.CHANGED_ONLY)
            .build();

    private static final List<PropertyDescriptor> PROPERTIES = concat(
            List.of(
                    ENDPOINT_URLS,
                    PollingProperties.WEB_CLIENT_SERVICE,
                    PollingProperties.RECORD_WRITER,
                    AUTHENTICATION_STRATEGY,
                    API_KEY_HEADER_NAME,
                    API_KEY,
                    BEARER_TOKEN,
                    COMPETITOR_NAME,
                    DEFAULT_CURRENCY,
                    ITEMS_PATH,
                    SKU_PATH,
                    COMPETITOR_PATH,
                    PRICE_PATH,
                    CURRENCY_PATH,
                    AVAILABILITY_PATH,
                    PRODUCT_URL_PATH,
                    OBSERVED_AT_PATH),
            PagingProperties.ALL,
            List.of(EMIT_STRATEGY, MAX_TRACKED_PRICES, PollingProperties.MAX_RETRY_AFTER));

    private final RetryGate retryGate;
    private final Clock clock;
    private volatile PricePoller poller;
    private volatile List<URI> endpoints;
    private volatile int maxTrackedPrices;
    private volatile boolean changedOnly;

    public GetCompetitorPrices() {
        this(Clock.systemUTC());
    }

    GetCompetitorPrices(Clock clock) {
        this.clock = clock;
        this.retryGate = new RetryGate(clock);
    }

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return PROPERTIES;
    }

    @Override
    public Set<Relationship> getRelationships() {
        return PollingProperties.RELATIONSHIPS;
    }

    @Override
    protected Collection<ValidationResult> customValidate(ValidationContext context) {
        List<ValidationResult> problems = new ArrayList<>();
        String urls = context.getProperty(ENDPOINT_URLS)
                .evaluateAttributeExpressions()
                .getValue();
        if (urls != null) {
            for (String url : splitUrls(urls)) {
                try {
                    URI uri = URI.create(url);
                    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                        throw new IllegalArgumentException("scheme must be http or https");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new ValidationResult.Builder()
                            .subject(ENDPOINT_URLS.getDisplayName())
                            .input(url)
                            .valid(false)
                            .explanation("'" + url + "' is not an http(s) URL: " + e.getMessage())
                            .build());
                }
            }
        }
        return problems;
    }

    @OnScheduled
    public void onScheduled(ProcessContext context) {
        AuthenticationStrategy auth =
                context.getProperty(AUTHENTICATION_STRATEGY).asAllowableValue(AuthenticationStrategy.class);
        Map<String, String> headers = new HashMap<>();
        List<String> secrets = new ArrayList<>();
        switch (auth) {
            case API_KEY_HEADER -> {
                String key = context.getProperty(API_KEY).getValue();
                headers.put(context.getProperty(API_KEY_HEADER_NAME).getValue(), key);
                secrets.add(key);
            }
            case BEARER_TOKEN -> {
                String token = context.getProperty(BEARER_TOKEN).getValue();
                headers.put("Authorization", "Bearer " + token);
                secrets.add(token);
            }
            case NONE -> {}
        }
        SecretRedactor redactor = new SecretRedactor(secrets);
        ApiClient client = ApiClient.from(context, headers, redactor, clock);
        PricePoller.Settings settings = new PricePoller.Settings(
                AvroRecordSchemas.toRecordSchema(RetailTopic.COMPETITOR_PRICES.valueSchema()),
                PriceFieldPaths.of(
                        context.getProperty(SKU_PATH).getValue(),
                        context.getProperty(COMPETITOR_PATH).getValue(),
                        context.getProperty(PRICE_PATH).getValue(),
                        context.getProperty(CURRENCY_PATH).getValue(),
                        context.getProperty(AVAILABILITY_PATH).getValue(),
                        context.getProperty(PRODUCT_URL_PATH).getValue(),
                        context.getProperty(OBSERVED_AT_PATH).getValue()),
                context.getProperty(ITEMS_PATH).getValue(),
                context.getProperty(COMPETITOR_NAME)
                        .evaluateAttributeExpressions()
                        .getValue(),
                context.getProperty(DEFAULT_CURRENCY).getValue(),
                PagingProperties.settings(context),
                context.getProperty(EMIT_STRATEGY).asAllowableValue(EmitStrategy.class) == EmitStrategy.CHANGED_ONLY);
        changedOnly = settings.changedOnly();
        maxTrackedPrices = context.getProperty(MAX_TRACKED_PRICES).asInteger();
        endpoints = splitUrls(context.getProperty(ENDPOINT_URLS)
                        .evaluateAttributeExpressions()
                        .getValue())
                .stream()
                .map(URI::create)
                .toList();
        poller = new PricePoller(
                client,
                context.getProperty(PollingProperties.RECORD_WRITER).asControllerService(RecordSetWriterFactory.class),
                settings,
                redactor,
                getLogger());
    }

    @Override
    public void onTrigger(ProcessContext context, ProcessSession session) throws ProcessException {
        Polls.run(context, session, retryGate, getLogger(), "Competitor price", () -> {
            PriceFingerprints fingerprints = new PriceFingerprints(
                    changedOnly ? session.getState(Scope.CLUSTER).toMap() : Map.of(), maxTrackedPrices);
            PollSummary summary = poller.poll(session, endpoints, fingerprints, clock.instant());
            if (changedOnly) {
                session.setState(fingerprints.toState(), Scope.CLUSTER);
            }
            getLogger().info("Polled {} endpoint(s): {}", endpoints.size(), summary);
        });
    }

    private static List<String> splitUrls(String urls) {
        return Arrays.stream(urls.split("[,\\s]+"))
                .filter(url -> !url.isBlank())
                .toList();
    }

    private static PropertyDescriptor jsonPointer(
            String name, String defaultValue, String description, boolean required) {
        return new PropertyDescriptor.Builder()
                .name(name)
                .description(description)
                .required(required)
                .defaultValue(defaultValue)
                .addValidator(PagingProperties.JSON_POINTER_VALIDATOR)
                .build();
    }

    @SafeVarargs
    private static List<PropertyDescriptor> concat(List<PropertyDescriptor>... parts) {
        List<PropertyDescriptor> all = new ArrayList<>();
        for (List<PropertyDescriptor> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
