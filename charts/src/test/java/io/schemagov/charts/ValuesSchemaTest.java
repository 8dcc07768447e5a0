package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json stops a release with a wrong value before anything is rendered. */
class ValuesSchemaTest {

    private static final String SCHEMA_VIOLATION = "values don't meet the specifications of the schema";

    @ParameterizedTest
    @CsvSource({
        "ingest-service, replicaCount, -1",
        "ingest-service, image.pullPolicy, Sometimes",
        "ingest-service, masking.classifier, guess",
        "ingest-service, persistence.mountPath, data",
        "analyzer-service, alerts.channels.ops.type, PAGER",
        "analyzer-service, updateStrategy.type, Blue-Green",
        "dashboard, ingress.pathType, Fuzzy",
        "dashboard, service.type, ExternalName",
        "schemagov, global.kafka.bootstrapServers, ''",
    })
    void refusesAWrongValue(String chart, String key, String value) {
        assertThatThrownBy(() -> Charts.render(chart, Map.of(key, value)))
                .hasMessageContaining(SCHEMA_VIOLATION)
                .hasMessageContaining("/" + key.replace('.', '/'));
    }

    @ParameterizedTest
    @CsvSource({
        "orders-db, mysql://orders.internal/orders, /sources/0/url",
        "orders db, jdbc:postgresql://orders.internal/orders, /sources/0/name",
    })
    void refusesASourceTheIngestWouldRefuse(String name, String url, String where) {
        assertThatThrownBy(() -> Charts.render(Charts.INGEST, Map.of("sources[0].name", name, "sources[0].url", url)))
                .hasMessageContaining(SCHEMA_VIOLATION)
                .hasMessageContaining(where);
    }
}
