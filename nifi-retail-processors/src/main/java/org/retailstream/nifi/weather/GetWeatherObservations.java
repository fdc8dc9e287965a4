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
package org.retailstream.nifi.weather;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import org.apache.nifi.components.resource.ResourceCardinality;
import org.apache.nifi.components.resource.ResourceType;
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
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.http.Polls;
import org.retailstream.nifi.http.RetryGate;
import org.retailstream.nifi.http.SecretRedactor;
import org.retailstream.nifi.prices.GetCompetitorPrices;
import org.retailstream.nifi.record.AvroRecordSchemas;
import org.retailstream.nifi.record.InvalidItems;
import org.retailstream.nifi.record.RecordFlowFileWriter;

@Tags({"retail", "weather", "open-meteo", "openweathermap", "store", "http", "rest", "record", "poll"})
@CapabilityDescription("Polls current weather for a list of store locations from Open-Meteo (no key) or"
        + " OpenWeatherMap (API key) and emits one weather_observations record per store and new observation:"
        + " UTC time, temperature in °C and °F, humidity, precipitation (mm), wind (km/h), condition code and"
        + " text. Provider units are converted (OpenWeatherMap's Kelvin and m/s). HTTP 429/5xx roll the poll"
        + " back and back off; malformed responses go to failure. Feed its output to PublishKafka with the"
        + " weather_observations topic.")
@InputRequirement(InputRequirement.Requirement.INPUT_FORBIDDEN)
@PrimaryNodeOnly
@TriggerSerially
@DefaultSchedule(strategy = SchedulingStrategy.TIMER_DRIVEN, period = "15 min")
// A failed poll (5xx, timeout) waits a minute before the next attempt, not the framework's 1 s.
@DefaultSettings(yieldDuration = "1 min")
@Stateful(
        scopes = Scope.CLUSTER,
        description = "The newest observed-at emitted per store location, so repeated observations are skipped.")
@WritesAttributes({
    @WritesAttribute(attribute = RecordFlowFileWriter.RECORD_COUNT, description = "Records in the FlowFile."),
    @WritesAttribute(attribute = "mime.type", description = "The Record Writer's MIME type."),
    @WritesAttribute(attribute = PollingProperties.SOURCE_URL, description = "Request URL, without the API key."),
    @WritesAttribute(attribute = PollingProperties.POLL_TIME, description = "When the poll started (ISO-8601, UTC)."),
    @WritesAttribute(attribute = InvalidItems.INVALID_COUNT, description = "On invalid: locations in the FlowFile."),
    @WritesAttribute(attribute = ApiFailures.ERROR_MESSAGE, description = "On invalid and failure: what was wrong."),
    @WritesAttribute(attribute = PollingProperties.HTTP_STATUS_CODE, description = "On failure: the HTTP status.")
})
@SeeAlso(GetCompetitorPrices.class)
public class GetWeatherObservations extends AbstractProcessor {

    public static final PropertyDescriptor PROVIDER = new PropertyDescriptor.Builder()
            .name("Weather Provider")
            .description("The weather API to poll.")
            .required(true)
            .allowableValues(WeatherProviderType.class)
            .defaultValue(WeatherProviderType.OPEN_METEO)
            .build();

    public static final PropertyDescriptor BASE_URL = new PropertyDescriptor.Builder()
            .name("Base URL")
            .description(
                    "Overrides the provider's public base URL, e.g. for a self-hosted Open-Meteo or a test server.")
            .required(false)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .addValidator(StandardValidators.URL_VALIDATOR)
            .build();

    public static final PropertyDescriptor API_KEY = new PropertyDescriptor.Builder()
            .name("API Key")
            .description("OpenWeatherMap API key (sent as the appid parameter). Never written to logs, attributes or"
                    + " provenance.")
            .required(true)
            .sensitive(true)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .dependsOn(PROVIDER, WeatherProviderType.OPEN_WEATHER_MAP)
            .build();

    public static final PropertyDescriptor STORE_LOCATIONS = new PropertyDescriptor.Builder()
            .name("Store Locations")
            .description("Stores to poll: CSV lines 'id,latitude,longitude' or a JSON array of"
                    + " {\"id\", \"latitude\", \"longitude\"}. Give this or Store Locations File.")
            .required(false)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .build();

    public static final PropertyDescriptor STORE_LOCATIONS_FILE = new PropertyDescriptor.Builder()
            .name("Store Locations File")
            .description("A CSV or JSON file with the stores, in the format of Store Locations; read when the"
                    + " processor starts.")
            .required(false)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .identifiesExternalResource(ResourceCardinality.SINGLE, ResourceType.FILE)
            .build();

    public static final PropertyDescriptor LOCATION_TOLERANCE = new PropertyDescriptor.Builder()
            .name("Location Tolerance")
            .description("How far, in kilometres, the coordinates of an Open-Meteo answer may lie from its store's."
                    + " Open-Meteo answers many stores in request order and snaps each to its model grid (a few"
                    + " km); an answer farther away is for another store, and the whole response goes to failure"
                    + " with both coordinates in error.message.")
            .required(true)
            .defaultValue("25")
            .addValidator(StandardValidators.POSITIVE_INTEGER_VALIDATOR)
            .dependsOn(PROVIDER, WeatherProviderType.OPEN_METEO)
            .build();

    private static final List<PropertyDescriptor> PROPERTIES = List.of(
            PROVIDER,
            BASE_URL,
            API_KEY,
            STORE_LOCATIONS,
            STORE_LOCATIONS_FILE,
            LOCATION_TOLERANCE,
            PollingProperties.WEB_CLIENT_SERVICE,
            PollingProperties.RECORD_WRITER,
            PollingProperties.MAX_RETRY_AFTER);

    private final Clock clock;
    private final RetryGate retryGate;
    private volatile WeatherPoller poller;
    private volatile List<WeatherProvider.Request> requests;

    public GetWeatherObservations() {
        this(Clock.systemUTC());
    }

    GetWeatherObservations(Clock clock) {
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
        boolean inline = context.getProperty(STORE_LOCATIONS).isSet();
        boolean file = context.getProperty(STORE_LOCATIONS_FILE).isSet();
        if (inline == file) {
            problems.add(invalid("Store Locations", "Give exactly one of Store Locations and Store Locations File"));
        } else if (inline) {
            try {
                StoreLocations.parse(context.getProperty(STORE_LOCATIONS)
                        .evaluateAttributeExpressions()
                        .getValue());
            } catch (IllegalArgumentException e) {
                problems.add(invalid(STORE_LOCATIONS.getDisplayName(), e.getMessage()));
            }
        }
        return problems;
    }

    @OnScheduled
    public void onScheduled(ProcessContext context) {
        WeatherProviderType type = context.getProperty(PROVIDER).asAllowableValue(WeatherProviderType.class);
        String apiKey = type.needsApiKey() ? context.getProperty(API_KEY).getValue() : null;
        String baseUrl =
                context.getProperty(BASE_URL).evaluateAttributeExpressions().getValue();
        // Unset when the property's dependency (Open-Meteo) does not hold: OpenWeatherMap ignores it.
        Integer tolerance = context.getProperty(LOCATION_TOLERANCE).asInteger();
        WeatherProvider provider = type.create(tolerance == null ? 0 : tolerance);
        requests = provider.requests(
                URI.create(baseUrl == null ? type.defaultBaseUrl() : baseUrl), locations(context), apiKey);
        SecretRedactor redactor = new SecretRedactor(apiKey == null ? List.of() : List.of(apiKey));
        ApiClient client = ApiClient.from(context, java.util.Map.of(), redactor, clock);
        poller = new WeatherPoller(
                client,
                provider,
                context.getProperty(PollingProperties.RECORD_WRITER).asControllerService(RecordSetWriterFactory.class),
                AvroRecordSchemas.toRecordSchema(RetailTopic.WEATHER_OBSERVATIONS.valueSchema()),
                redactor,
                getLogger());
    }

    @Override
    public void onTrigger(ProcessContext context, ProcessSession session) throws ProcessException {
        Polls.run(context, session, retryGate, getLogger(), "Weather", () -> {
            LastObservations last =
                    new LastObservations(session.getState(Scope.CLUSTER).toMap());
            long emitted = poller.poll(session, requests, last, clock.instant());
            session.setState(last.toState(), Scope.CLUSTER);
            getLogger().info("Polled {} request(s): {} new observation(s)", requests.size(), emitted);
        });
    }

    private static List<StoreLocation> locations(ProcessContext context) {
        if (context.getProperty(STORE_LOCATIONS).isSet()) {
            return StoreLocations.parse(context.getProperty(STORE_LOCATIONS)
                    .evaluateAttributeExpressions()
                    .getValue());
        }
        String file = context.getProperty(STORE_LOCATIONS_FILE)
                .evaluateAttributeExpressions()
                .getValue();
        try {
            return StoreLocations.parse(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Store Locations File " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Store Locations File " + file + ": " + e.getMessage(), e);
        }
    }

    private static ValidationResult invalid(String subject, String explanation) {
        return new ValidationResult.Builder()
                .subject(subject)
                .valid(false)
                .explanation(explanation)
                .build();
    }
}
