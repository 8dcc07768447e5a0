package io.schemagov.analyzer.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a wanted mapping that an existing index lacks: only fields it does not have yet, so that an
 * index made by an older version gains the newer fields while its own fields keep their parameters (a field's
 * {@code doc_values} or type cannot change on an existing index, and asking would stop start-up).
 */
final class MappingGrowth {

    private MappingGrowth() {
    }

    /**
     * The {@code mappings} object to put on an index whose fields are {@code existing} (dotted paths of every
     * field and object it maps), or empty when it has them all.
     */
    static Optional<ObjectNode> missing(JsonNode wantedMappings, Set<String> existing) {
        ObjectNode properties = missingProperties(wantedMappings.path("properties"), "", existing);
        if (properties.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode mappings = wantedMappings.deepCopy();
        mappings.set("properties", properties);
        return Optional.of(mappings);
    }

    private static ObjectNode missingProperties(JsonNode wanted, String prefix, Set<String> existing) {
        ObjectNode missing = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            if (!existing.contains(path)) {
                missing.set(field.getKey(), field.getValue());
            } else if (field.getValue().has("properties")) {
                ObjectNode inner = missingProperties(field.getValue().get("properties"), path + ".", existing);
                if (!inner.isEmpty()) {
                    ObjectNode object = field.getValue().deepCopy();
                    object.set("properties", inner);
                    missing.set(field.getKey(), object);
                }
            }
        }
        return missing;
    }
}
