package io.schemagov.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Kubernetes objects of one rendering, parsed from its multi-document YAML. */
record Manifests(List<Map<String, Object>> objects) {

    @SuppressWarnings("unchecked")
    static Manifests parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return new Manifests(List.copyOf(objects));
    }

    /** Every object of a kind. */
    List<Node> all(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).map(Node::new).toList();
    }

    /** The one object of a kind; fails when there is none or more than one. */
    Node one(String kind) {
        List<Node> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " but found " + found.size() + " in " + kinds());
        }
        return found.get(0);
    }

    /** The object of a kind whose name ends with the suffix, e.g. "-dashboard". */
    Node named(String kind, String nameSuffix) {
        return all(kind).stream().filter(node -> node.text("metadata.name").endsWith(nameSuffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named *" + nameSuffix + " in " + kinds()));
    }

    List<String> kinds() {
        return objects.stream().map(object -> object.get("kind") + "/" + ((Map<?, ?>) object.get("metadata")).get("name")).toList();
    }

    /** A node of a parsed object, navigated by dotted paths ("spec.template.spec"). */
    record Node(Object value) {

        /** Keys may hold dots themselves ("app.kubernetes.io/name"): at each level the longest matching key wins. */
        Node at(String path) {
            if (path.isEmpty()) {
                return this;
            }
            String[] segments = path.split("\\.");
            Object current = value;
            int next = 0;
            while (next < segments.length) {
                if (!(current instanceof Map<?, ?> map)) {
                    throw new AssertionError("no " + path + " in " + value);
                }
                int end = segments.length;
                while (end > next && !map.containsKey(String.join(".", Arrays.copyOfRange(segments, next, end)))) {
                    end--;
                }
                if (end == next) {
                    throw new AssertionError("no " + segments[next] + " (of " + path + ") in " + value);
                }
                current = map.get(String.join(".", Arrays.copyOfRange(segments, next, end)));
                next = end;
            }
            return new Node(current);
        }

        boolean has(String path) {
            try {
                at(path);
                return true;
            } catch (AssertionError e) {
                return false;
            }
        }

        Object get(String path) {
            return at(path).value();
        }

        String text(String path) {
            return Objects.toString(get(path));
        }

        @SuppressWarnings("unchecked")
        List<Node> list(String path) {
            Object found = get(path);
            if (!(found instanceof List<?> items)) {
                throw new AssertionError(path + " is not a list: " + found);
            }
            return ((List<Object>) items).stream().map(Node::new).toList();
        }

        /** A file of a ConfigMap's data (its key holds a dot, e.g. "ingest.yml"), parsed as YAML. */
        Node dataFile(String key) {
            Object data = ((Map<?, ?>) get("data")).get(key);
            if (data == null) {
                throw new AssertionError("no " + key + " in " + get("data"));
            }
            return new Node(new Yaml(new SafeConstructor(new LoaderOptions())).load(data.toString()));
        }

        /** The element of a list of named maps (containers, env, volumes) with that name. */
        Node item(String path, String name) {
            return list(path).stream().filter(node -> name.equals(((Map<?, ?>) node.value()).get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + path + ": " + get(path)));
        }
    }
}
