package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every value is documented with a "## @param" line in values.yaml (the bitnami convention) and known to values.schema.json. */
class ValuesDocumentationTest {

    private static final Pattern PARAM = Pattern.compile("^## @param (\\S+) \\S", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD, Charts.UMBRELLA})
    void documentsEveryValue(String chart) throws IOException {
        String text = Files.readString(Charts.source(chart).resolve("values.yaml"));
        List<String> documented = documented(text);

        assertThat(leaves("", load(text))).as("values of %s without a ## @param line (of the value or a parent)", chart)
                .allSatisfy(leaf -> assertThat(documented).anyMatch(param -> leaf.equals(param) || leaf.startsWith(param + ".")));
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD, Charts.UMBRELLA})
    void documentsOnlyValuesThatExist(String chart) throws IOException {
        String text = Files.readString(Charts.source(chart).resolve("values.yaml"));
        List<String> leaves = leaves("", load(text));

        assertThat(documented(text)).as("## @param lines of %s naming no value", chart)
                .allSatisfy(param -> assertThat(leaves).anyMatch(leaf -> leaf.equals(param) || leaf.startsWith(param + ".")));
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD, Charts.UMBRELLA})
    void schemaDescribesEveryTopLevelValue(String chart) throws IOException {
        Map<String, Object> values = load(Files.readString(Charts.source(chart).resolve("values.yaml")));
        Map<String, Object> schema = load(Files.readString(Charts.source(chart).resolve("values.schema.json")));

        Map<?, ?> described = (Map<?, ?>) schema.get("properties");
        assertThat(values.keySet()).as("values.schema.json of %s", chart).allSatisfy(key -> assertThat(described.containsKey(key)).as(key).isTrue());
    }

    private static List<String> documented(String text) {
        List<String> params = new ArrayList<>();
        Matcher matcher = PARAM.matcher(text);
        while (matcher.find()) {
            params.add(matcher.group(1));
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    /** Dotted paths of the values that hold no further map entries (scalars, lists, empty maps). */
    @SuppressWarnings("unchecked")
    private static List<String> leaves(String prefix, Map<String, Object> map) {
        List<String> leaves = new ArrayList<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                leaves.addAll(leaves(path, (Map<String, Object>) child));
            } else {
                leaves.add(path);
            }
        }
        return leaves;
    }
}
