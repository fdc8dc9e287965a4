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
package org.retailstream.events.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Reads the plain JSON written by {@link JsonRecordWriter} (and by hand or by other tools) into an
 * Avro record, driven by the reader schema. Tolerant where evolution needs it and strict where data
 * would be lost:
 *
 * <ul>
 *   <li>unknown fields are ignored (written by a newer schema); missing fields take the schema default;
 *   <li>timestamps may be ISO-8601 strings (with offset or 'Z') or epoch milliseconds;
 *   <li>decimals may be JSON numbers or numeric strings, but never with more decimal places than the
 *       schema's scale (that would silently round money);
 *   <li>an unknown enum symbol becomes the enum's default symbol, or is an error if it has none.
 * </ul>
 */
final class JsonRecordReader {

    private final ObjectMapper mapper;
    private final GenericData model;
    private final ObjectReader valueReader;

    JsonRecordReader(ObjectMapper mapper, GenericData model) {
        this.mapper = mapper;
        this.model = model;
        // Reads one value in the middle of a document: the rest of the document is not "trailing".
        this.valueReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Parses bytes; throws {@link IOException} for invalid JSON and {@link FieldProblem} for bad fields.
     * A well-formed record is read in one streaming pass, without building a JSON tree (the decoding
     * cost of every Flink job). When anything is wrong, the document is read again as a tree so the
     * problem reported is the first in schema order, as it always was.
     */
    IndexedRecord read(byte[] json, Schema schema) throws IOException {
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                try {
                    return readRecord(parser, schema, "");
                } catch (FieldProblem problem) {
                    // reported below, in schema order
                }
            }
        }
        return readTree(json, schema);
    }

    private IndexedRecord readRecord(JsonParser parser, Schema schema, String path) throws IOException {
        IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
        List<Schema.Field> fields = schema.getFields();
        boolean[] seen = new boolean[fields.size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Schema.Field field = schema.getField(name);
            if (field == null) {
                parser.skipChildren();
                continue;
            }
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            record.put(field.pos(), readValue(parser, value, field.schema(), fieldPath));
            seen[field.pos()] = true;
        }
        for (Schema.Field field : fields) {
            if (!seen[field.pos()]) {
                record.put(field.pos(), defaultOf(field, path.isEmpty() ? field.name() : path + "." + field.name()));
            }
        }
        return record;
    }

    /** Marks a value the token-level reader leaves to the tree reader. */
    private static final Object NOT_READ = new Object();

    /**
     * Records and arrays are streamed and the common scalars read straight from their token; any
     * other value (and any value of an unexpected shape) is read as a small node by the tree reader.
     */
    private Object readValue(JsonParser parser, JsonToken token, Schema schema, String path) throws IOException {
        Object scalar = readScalar(parser, token, schema, path);
        if (scalar != NOT_READ) {
            return scalar;
        }
        if (schema.getType() == Schema.Type.RECORD && token == JsonToken.START_OBJECT) {
            return readRecord(parser, schema, path);
        }
        if (schema.getType() == Schema.Type.ARRAY && token == JsonToken.START_ARRAY) {
            List<Object> items = new ArrayList<>();
            int index = 0;
            JsonToken item;
            while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(readValue(parser, item, schema.getElementType(), path + "[" + index++ + "]"));
            }
            return items;
        }
        JsonNode node = valueReader.readTree(parser);
        return readValue(node == null ? NullNode.getInstance() : node, schema, path);
    }

    /** The valid shapes of the contract's scalar types, read without a node; anything else: NOT_READ. */
    private Object readScalar(JsonParser parser, JsonToken token, Schema schema, String path) throws IOException {
        LogicalType logical = schema.getLogicalType();
        return switch (schema.getType()) {
            case STRING -> token == JsonToken.VALUE_STRING ? parser.getText() : NOT_READ;
            case BOOLEAN ->
                token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                        ? (Object) (token == JsonToken.VALUE_TRUE)
                        : NOT_READ;
            case INT ->
                token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                        ? (Object) parser.getIntValue()
                        : NOT_READ;
            case LONG -> {
                if (token == JsonToken.VALUE_NUMBER_INT
                        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    long value = parser.getLongValue();
                    yield logical instanceof LogicalTypes.TimestampMillis ? Instant.ofEpochMilli(value) : value;
                }
                if (token == JsonToken.VALUE_STRING && logical instanceof LogicalTypes.TimestampMillis) {
                    try {
                        yield Instant.ofEpochMilli(
                                IsoTimes.toEpochMillis(parser.getText().trim()));
                    } catch (DateTimeParseException notATime) {
                        yield NOT_READ;
                    }
                }
                yield NOT_READ;
            }
            case DOUBLE -> token.isNumeric() ? (Object) parser.getDoubleValue() : NOT_READ;
            case BYTES ->
                token.isNumeric() && logical instanceof LogicalTypes.Decimal decimal
                        ? scaled(parser.getDecimalValue(), decimal, path)
                        : NOT_READ;
            case ENUM -> token == JsonToken.VALUE_STRING ? enumValue(parser.getText(), schema, path, null) : NOT_READ;
            case UNION -> {
                List<Schema> branches = schema.getTypes();
                if (token == JsonToken.VALUE_NULL && schema.getIndexNamed(Schema.Type.NULL.getName()) != null) {
                    yield null;
                }
                if (branches.size() == 2 && token != JsonToken.VALUE_NULL) {
                    Schema value = branches.get(0).getType() == Schema.Type.NULL ? branches.get(1) : branches.get(0);
                    yield value.getType() == Schema.Type.NULL ? NOT_READ : readScalar(parser, token, value, path);
                }
                yield NOT_READ;
            }
            default -> NOT_READ;
        };
    }

    private IndexedRecord readTree(byte[] json, Schema schema) throws IOException {
        JsonNode root = mapper.readTree(json);
        if (root == null || !root.isObject()) {
            throw new FieldProblem("$", "expected a JSON object, got " + describe(root));
        }
        return readRecord(root, schema, "");
    }

    private IndexedRecord readRecord(JsonNode node, Schema schema, String path) {
        if (!node.isObject()) {
            throw new FieldProblem(pathOr(path), "expected an object, got " + describe(node));
        }
        IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
            JsonNode value = node.get(field.name());
            if (value == null || value.isMissingNode()) {
                record.put(field.pos(), defaultOf(field, fieldPath));
            } else {
                record.put(field.pos(), readValue(value, field.schema(), fieldPath));
            }
        }
        return record;
    }

    private Object defaultOf(Schema.Field field, String path) {
        if (!field.hasDefaultValue()) {
            throw new FieldProblem(path, "missing, and the schema has no default for it");
        }
        return model.deepCopy(field.schema(), model.getDefaultValue(field));
    }

    private Object readValue(JsonNode node, Schema schema, String path) {
        return switch (schema.getType()) {
            case RECORD -> readRecord(node, schema, path);
            case UNION -> readUnion(node, schema, path);
            case ARRAY -> readArray(node, schema, path);
            case MAP -> readMap(node, schema, path);
            case ENUM -> readEnum(node, schema, path);
            case STRING -> readString(node, path);
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw new FieldProblem(path, "expected true or false, got " + describe(node));
                }
                yield node.booleanValue();
            }
            case INT -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw new FieldProblem(path, "expected a 32-bit integer, got " + describe(node));
                }
                yield node.intValue();
            }
            case LONG -> readLong(node, schema.getLogicalType(), path);
            case FLOAT -> (float) readDouble(node, path);
            case DOUBLE -> readDouble(node, path);
            case BYTES -> readBytes(node, schema.getLogicalType(), path);
            case NULL -> {
                if (!node.isNull()) {
                    throw new FieldProblem(path, "expected null, got " + describe(node));
                }
                yield null;
            }
            default -> throw new FieldProblem(path, "unsupported Avro type " + schema.getType());
        };
    }

    private Object readUnion(JsonNode node, Schema schema, String path) {
        if (node.isNull()) {
            if (schema.getIndexNamed(Schema.Type.NULL.getName()) == null) {
                throw new FieldProblem(path, "must not be null");
            }
            return null;
        }
        FieldProblem last = null;
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                continue;
            }
            try {
                return readValue(node, branch, path);
            } catch (FieldProblem problem) {
                last = problem;
            }
        }
        throw last != null ? last : new FieldProblem(path, "no union branch accepts " + describe(node));
    }

    private List<Object> readArray(JsonNode node, Schema schema, String path) {
        if (!node.isArray()) {
            throw new FieldProblem(path, "expected an array, got " + describe(node));
        }
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(readValue(node.get(i), schema.getElementType(), path + "[" + i + "]"));
        }
        return items;
    }

    private Map<String, Object> readMap(JsonNode node, Schema schema, String path) {
        if (!node.isObject()) {
            throw new FieldProblem(path, "expected an object, got " + describe(node));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            map.put(entry.getKey(), readValue(entry.getValue(), schema.getValueType(), path + "." + entry.getKey()));
        }
        return map;
    }

    private Object readEnum(JsonNode node, Schema schema, String path) {
        if (!node.isTextual()) {
            throw new FieldProblem(path, "expected one of " + schema.getEnumSymbols() + ", got " + describe(node));
        }
        return enumValue(node.textValue(), schema, path, node);
    }

    /** {@code node} is the value as a tree when there is one, for the error message; null on the streaming path. */
    private Object enumValue(String text, Schema schema, String path, JsonNode node) {
        String symbol = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (!schema.hasEnumSymbol(symbol)) {
            if (schema.getEnumDefault() == null) {
                throw new FieldProblem(
                        path,
                        "expected one of " + schema.getEnumSymbols() + ", got "
                                + (node == null ? text : describe(node)));
            }
            symbol = schema.getEnumDefault();
        }
        return model.createEnum(symbol, schema);
    }

    private static String readString(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            // Ids such as store 17 are often sent as numbers; their text form is unambiguous.
            return node.asText();
        }
        throw new FieldProblem(path, "expected a string, got " + describe(node));
    }

    private static Object readLong(JsonNode node, LogicalType logicalType, String path) {
        if (logicalType instanceof LogicalTypes.TimestampMillis) {
            return readTimestamp(node, path);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new FieldProblem(path, "expected a 64-bit integer, got " + describe(node));
        }
        return node.longValue();
    }

    private static Instant readTimestamp(JsonNode node, String path) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            try {
                return Instant.ofEpochMilli(IsoTimes.toEpochMillis(text));
            } catch (DateTimeParseException e) {
                throw new FieldProblem(path, "expected an ISO-8601 timestamp with offset, got \"" + text + "\"");
            }
        }
        throw new FieldProblem(path, "expected an ISO-8601 timestamp or epoch milliseconds, got " + describe(node));
    }

    private static double readDouble(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new FieldProblem(path, "expected a number, got " + describe(node));
        }
        return node.doubleValue();
    }

    private static Object readBytes(JsonNode node, LogicalType logicalType, String path) {
        if (logicalType instanceof LogicalTypes.Decimal decimal) {
            return readDecimal(node, decimal, path);
        }
        if (!node.isTextual()) {
            throw new FieldProblem(path, "expected base64 text, got " + describe(node));
        }
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(node.textValue()));
        } catch (IllegalArgumentException e) {
            throw new FieldProblem(path, "expected base64 text: " + e.getMessage());
        }
    }

    private static BigDecimal readDecimal(JsonNode node, LogicalTypes.Decimal type, String path) {
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                value = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw new FieldProblem(path, "expected a decimal number, got \"" + node.textValue() + "\"");
            }
        } else {
            throw new FieldProblem(path, "expected a decimal number, got " + describe(node));
        }
        return scaled(value, type, path);
    }

    private static BigDecimal scaled(BigDecimal value, LogicalTypes.Decimal type, String path) {
        try {
            BigDecimal scaled = value.setScale(type.getScale(), RoundingMode.UNNECESSARY);
            if (scaled.precision() > type.getPrecision()) {
                throw new FieldProblem(path, value + " has more than " + type.getPrecision() + " digits");
            }
            return scaled;
        } catch (ArithmeticException e) {
            throw new FieldProblem(path, value + " has more than " + type.getScale() + " decimal places");
        }
    }

    private static String pathOr(String path) {
        return path.isEmpty() ? "$" : path;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
