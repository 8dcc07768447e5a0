package io.schemagov.dashboard.findings;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of findings stopped: the sort values of its last hit, in the order of
 * {@link FindingRequests#SORT_FIELDS}. Clients see it only as an opaque URL-safe string.
 * Keyword values are null when the hit lacks the field (Elasticsearch sorts those last).
 */
record FindingCursor(long eventTime, String position, String database, String ruleId, String object, long seqNo) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int VALUES = 6;

    /** Reads the sort values Elasticsearch returned with a hit. */
    static FindingCursor fromSortValues(List<FieldValue> values) {
        if (values.size() != VALUES || !values.get(0).isLong() || !values.get(5).isLong()) {
            throw new IllegalStateException("unexpected sort values from Elasticsearch: " + values);
        }
        return new FindingCursor(values.get(0).longValue(), keyword(values.get(1)), keyword(values.get(2)),
                keyword(values.get(3)), keyword(values.get(4)), values.get(5).longValue());
    }

    /** The {@code search_after} values that continue right after this cursor. */
    List<FieldValue> toSortValues() {
        return List.of(FieldValue.of(eventTime), keyword(position), keyword(database), keyword(ruleId),
                keyword(object), FieldValue.of(seqNo));
    }

    String encode() {
        ArrayNode array = JSON.createArrayNode()
                .add(eventTime).add(position).add(database).add(ruleId).add(object).add(seqNo);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The inverse of {@link #encode()}; anything else fails with {@link IllegalArgumentException}. */
    static FindingCursor decode(String cursor) {
        JsonNode array;
        try {
            // Throws IllegalArgumentException itself on characters outside the URL-safe alphabet.
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            array = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cursor is not JSON", e);
        }
        if (array == null || !array.isArray() || array.size() != VALUES
                || !isLong(array.get(0)) || !isLong(array.get(5))) {
            throw new IllegalArgumentException("cursor has the wrong shape");
        }
        return new FindingCursor(array.get(0).longValue(), text(array.get(1)), text(array.get(2)),
                text(array.get(3)), text(array.get(4)), array.get(5).longValue());
    }

    private static boolean isLong(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong();
    }

    private static String text(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("cursor value is neither text nor null");
        }
        return node.textValue();
    }

    private static String keyword(FieldValue value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalStateException("unexpected keyword sort value from Elasticsearch: " + value);
        }
        return value.stringValue();
    }

    private static FieldValue keyword(String value) {
        return value == null ? FieldValue.NULL : FieldValue.of(value);
    }
}
