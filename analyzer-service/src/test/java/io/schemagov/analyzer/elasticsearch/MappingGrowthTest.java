package io.schemagov.analyzer.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingGrowthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode wanted() throws Exception {
        return JSON.readTree("""
                {"dynamic": false, "properties": {
                  "table": {"type": "keyword"},
                  "values": {"type": "keyword", "doc_values": false},
                  "chain": {"properties": {"sequence": {"type": "long"}, "hash": {"type": "keyword", "index": false}}}
                }}""");
    }

    @Test
    void anIndexWithEveryFieldNeedsNothing() throws Exception {
        assertThat(MappingGrowth.missing(wanted(), Set.of("table", "values", "chain", "chain.sequence", "chain.hash"))).isEmpty();
    }

    @Test
    void onlyTheFieldsAnOlderIndexLacksAreAsked() throws Exception {
        JsonNode growth = MappingGrowth.missing(wanted(), Set.of("table", "values", "chain", "chain.sequence")).orElseThrow();

        assertThat(growth.toString()).isEqualTo(
                "{\"dynamic\":false,\"properties\":{\"chain\":{\"properties\":{\"hash\":{\"type\":\"keyword\",\"index\":false}}}}}");
    }

    @Test
    void aFieldItAlreadyHasKeepsItsOwnParameters() throws Exception {
        // An index made before "values" lost its doc values keeps them: asking to change them would be refused.
        JsonNode growth = MappingGrowth.missing(wanted(), Set.of("values", "chain", "chain.sequence", "chain.hash")).orElseThrow();

        assertThat(growth.path("properties").fieldNames()).toIterable().containsExactly("table");
    }

    @Test
    void aMissingObjectComesWhole() throws Exception {
        JsonNode growth = MappingGrowth.missing(wanted(), Set.of("table", "values")).orElseThrow();

        assertThat(growth.path("properties").path("chain").path("properties").fieldNames()).toIterable()
                .containsExactly("sequence", "hash");
    }
}
