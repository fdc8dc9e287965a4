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

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.nifi.serialization.record.MapRecord;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;
import org.retailstream.events.codec.IsoTimes;

/**
 * Turns one JSON item into a {@code competitor_prices} record. Prices stay exact: they are read as
 * BigDecimal and must fit decimal(18,4) without rounding.
 */
final class PriceItemMapper {

    static final int PRICE_SCALE = 4;
    private static final int PRICE_PRECISION = 18;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final RecordSchema schema;
    private final PriceFieldPaths paths;
    private final String defaultCompetitor;
    private final String defaultCurrency;
    private final String sourceUrl;
    private final Timestamp pollTime;

    PriceItemMapper(
            RecordSchema schema,
            PriceFieldPaths paths,
            String defaultCompetitor,
            String defaultCurrency,
            String sourceUrl,
            Instant pollTime) {
        this.schema = schema;
        this.paths = paths;
        this.defaultCompetitor = defaultCompetitor;
        this.defaultCurrency = defaultCurrency;
        this.sourceUrl = sourceUrl;
        this.pollTime = Timestamp.from(pollTime);
    }

    /** The record for this item; the fingerprint of what a price change means is {@link PriceFingerprints}' job. */
    Record map(JsonNode item) throws InvalidItemException {
        if (!item.isObject()) {
            throw new InvalidItemException("Item is not a JSON object");
        }
        Map<String, Object> values = new HashMap<>(16);
        values.put("sku", requiredText(item, paths.sku(), "SKU", null));
        values.put("competitor", requiredText(item, paths.competitor(), "competitor", defaultCompetitor));
        values.put("price", price(item.at(paths.price())));
        values.put("currency", currency(item));
        values.put(
                "availability",
                AvailabilityParser.parse(item.at(paths.availability())).name());
        values.put("product_url", optionalText(item.at(paths.productUrl())));
        values.put("observed_at", observedAt(item.at(paths.observedAt())));
        values.put("source_url", sourceUrl);
        return new MapRecord(schema, values);
    }

    private String requiredText(JsonNode item, JsonPointer path, String field, String fallback)
            throws InvalidItemException {
        JsonNode node = item.at(path);
        if (node.isMissingNode() || node.isNull()) {
            if (fallback != null) {
                return fallback;
            }
            throw new InvalidItemException("Missing " + field + " at " + path);
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw new InvalidItemException(field + " at " + path + " must be a string, found " + node.getNodeType());
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            throw new InvalidItemException(field + " at " + path + " is empty");
        }
        return text;
    }

    private BigDecimal price(JsonNode node) throws InvalidItemException {
        if (node.isMissingNode() || node.isNull()) {
            throw new InvalidItemException("Missing price at " + paths.price());
        }
        BigDecimal price;
        if (node.isNumber()) {
            price = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                price = new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                throw new InvalidItemException(
                        "price at " + paths.price() + " is not a number: '" + node.asText() + "'");
            }
        } else {
            throw new InvalidItemException(
                    "price at " + paths.price() + " must be a number, found " + node.getNodeType());
        }
        if (price.signum() < 0) {
            throw new InvalidItemException("price at " + paths.price() + " is negative: " + price.toPlainString());
        }
        try {
            BigDecimal exact = price.setScale(PRICE_SCALE);
            if (exact.precision() > PRICE_PRECISION) {
                throw new InvalidItemException("price at " + paths.price() + " does not fit decimal(18,4): " + price);
            }
            return exact;
        } catch (ArithmeticException e) {
            throw new InvalidItemException(
                    "price at " + paths.price() + " has more than 4 decimal places: " + price.toPlainString());
        }
    }

    private String currency(JsonNode item) throws InvalidItemException {
        JsonNode node = item.at(paths.currency());
        String code = node.isMissingNode() || node.isNull()
                ? defaultCurrency
                : node.asText().trim().toUpperCase();
        if (code == null) {
            throw new InvalidItemException(
                    "Missing currency at " + paths.currency() + " and no Default Currency is set");
        }
        if (!CURRENCY.matcher(code).matches()) {
            throw new InvalidItemException(
                    "currency at " + paths.currency() + " is not an ISO 4217 code: '" + code + "'");
        }
        return code;
    }

    private Timestamp observedAt(JsonNode node) throws InvalidItemException {
        if (node.isMissingNode() || node.isNull()) {
            return pollTime;
        }
        if (node.isIntegralNumber()) {
            return new Timestamp(node.longValue());
        }
        try {
            return new Timestamp(IsoTimes.toEpochMillis(node.asText()));
        } catch (DateTimeParseException e) {
            throw new InvalidItemException("observed-at at " + paths.observedAt()
                    + " is neither epoch milliseconds nor an ISO-8601 time with offset: '" + node.asText() + "'");
        }
    }

    private static String optionalText(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
