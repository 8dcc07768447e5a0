package io.schemagov.ingest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.ingest.binlog.BinlogDebeziumConfig;
import io.schemagov.ingest.config.SourceProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both connectors get the shared engine settings and keep their own. */
class DebeziumConfigTest {

    private static final Path STATE = Path.of("/state");

    private static SourceProperties source(String name, String url, List<String> audited) {
        return new SourceProperties(name, url, "cdc", "secret", List.of(), audited, true, "", "", false, null, 0, true);
    }

    @Test
    void postgresSourcesShareTheEngineSettingsAndReadTheirSlot() {
        Properties p = DebeziumConfig.of(source("orders", "jdbc:postgresql://db:5432/orders",
                List.of("public.ledger_*")), STATE);

        assertThat(p.getProperty("connector.class")).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
        assertThat(p.getProperty("offset.storage.file.filename")).isEqualTo(STATE.resolve("orders.offsets").toString());
        assertThat(p.getProperty("database.hostname")).isEqualTo("db");
        assertThat(p.getProperty("database.port")).isEqualTo("5432");
        assertThat(p.getProperty("poll.interval.ms")).isEqualTo("10");
        assertThat(p.getProperty("plugin.name")).isEqualTo("pgoutput");
        assertThat(p.getProperty("slot.name")).isEqualTo("schemagov_orders");
        assertThat(p.getProperty("table.include.list")).isNotBlank().isNotEqualTo("schemagov\\.no_audited_table");
        assertThat(p.getProperty("include.schema.changes")).isNull();
    }

    @Test
    void binlogSourcesShareTheEngineSettingsAndKeepASchemaHistory() {
        Properties p = BinlogDebeziumConfig.of(source("shop", "jdbc:mariadb://db:3306/shop", List.of()), STATE);

        assertThat(p.getProperty("connector.class")).isEqualTo("io.debezium.connector.mariadb.MariaDbConnector");
        assertThat(p.getProperty("offset.storage.file.filename")).isEqualTo(STATE.resolve("shop.offsets").toString());
        assertThat(p.getProperty("database.port")).isEqualTo("3306");
        assertThat(p.getProperty("poll.interval.ms")).isEqualTo("10");
        assertThat(p.getProperty("include.schema.changes")).isEqualTo("true");
        assertThat(p.getProperty("schema.history.internal.file.filename"))
                .isEqualTo(STATE.resolve("shop.schema-history").toString());
        assertThat(p.getProperty("table.include.list")).isEqualTo("schemagov_no_database\\.no_audited_table");
        assertThat(p.getProperty("slot.name")).isNull();
    }
}
