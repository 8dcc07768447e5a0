package io.schemagov.rules.config;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a composed YAML tree while keeping every node's line, so that each complaint about the rules file points
 * at the line to fix.
 */
final class YamlNodes {

    private final String source;
    private final Map<Node, Node> keys = new IdentityHashMap<>();

    YamlNodes(String source) {
        this.source = source;
    }

    RulesFileException error(Node node, String reason) {
        return new RulesFileException(source, line(node), reason);
    }

    /** The complaint placed on the key a value was given under, when the key itself is the mistake. */
    RulesFileException keyError(Node value, String reason) {
        return error(keys.getOrDefault(value, value), reason);
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The mapping's entries by key, refusing keys outside {@code allowed} and keys given twice. */
    Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping of keys to values");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key of " + what);
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
            keys.put(tuple.getValueNode(), tuple.getKeyNode());
            if (entries.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), "'" + key + "' is given twice in " + what);
            }
        }
        return entries;
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list");
        }
        return sequence.getValue();
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    String text(Node node, String what) {
        String value = scalar(node, what).strip();
        if (value.isEmpty()) {
            throw error(node, what + " must not be empty");
        }
        return value;
    }

    boolean bool(Node node, String what) {
        String value = scalar(node, what);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(node, what + " must be true or false, got '" + value + "'");
        };
    }

    long positive(Node node, String what) {
        String value = scalar(node, what).replace("_", "");
        try {
            long number = Long.parseLong(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw error(node, what + " must be a whole number of at least 1, got '" + scalar(node, what) + "'");
    }
}
