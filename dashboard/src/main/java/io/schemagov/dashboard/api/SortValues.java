package io.schemagov.dashboard.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The sort values of a hit, as {@code search_after} wants them back, carried by clients as an opaque URL-safe
 * cursor. A value is a whole number, a text, or null (Elasticsearch gives null for a hit lacking a keyword).
 */
public final class SortValues {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SortValues() {
    }

    /** Reads the sort values Elasticsearch returned with a hit. */
    public static List<Object> from(List<FieldValue> sortValues) {
        List<Object> values = new ArrayList<>();
        for (FieldValue value : sortValues) {
            if (value.isNull()) {
                values.add(null);
            } else if (value.isLong()) {
                values.add(value.longValue());
            } else if (value.isString()) {
                values.add(value.stringValue());
            } else {
                throw new IllegalStateException("unexpected sort value from Elasticsearch: " + value);
            }
        }
        return values;
    }

    /** The {@code search_after} values for the given ones. */
    public static List<FieldValue> toFieldValues(List<Object> values) {
        return values.stream().map(v -> v == null ? FieldValue.NULL
                : v instanceof Long l ? FieldValue.of(l.longValue()) : FieldValue.of((String) v)).toList();
    }

    public static String encode(List<Object> values) {
        ArrayNode array = JSON.createArrayNode();
        for (Object value : values) {
            if (value == null) {
                array.addNull();
            } else if (value instanceof Long l) {
                array.add(l);
            } else {
                array.add((String) value);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The inverse of {@link #encode}; anything else fails with {@link IllegalArgumentException}. */
    public static List<Object> decode(String cursor) {
        JsonNode array;
        try {
            // Throws IllegalArgumentException itself on characters outside the URL-safe alphabet.
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            array = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cursor is not JSON", e);
        }
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("cursor has the wrong shape");
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode node : array) {
            values.add(value(node));
        }
        return values;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new IllegalArgumentException("cursor value is neither a whole number, text nor null");
    }
}
