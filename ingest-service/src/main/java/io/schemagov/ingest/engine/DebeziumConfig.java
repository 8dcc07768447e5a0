package io.schemagov.ingest.engine;

import io.schemagov.ingest.config.DebeziumCommon;
import io.schemagov.ingest.config.SourceProperties;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Debezium PostgreSQL connector settings for one source, over the settings every source shares; the embedded
 * engine runs them, and the Kafka Connect mode emits them.
 */
public final class DebeziumConfig {

    /** Matches no table: Debezium treats an empty include list as "all tables". */
    private static final String NO_TABLE = "schemagov\\.no_audited_table";

    private DebeziumConfig() {
    }

    public static Properties of(SourceProperties source, Path stateDirectory) {
        Properties p = DebeziumCommon.of(source, stateDirectory, NO_TABLE);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("database.dbname", source.database());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", source.slot());
        p.setProperty("publication.name", source.publication());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("message.prefix.include.list", "schemagov\\.ddl,schemagov\\.baseline,schemagov\\.actor");
        p.setProperty("skipped.operations", "none");
        p.setProperty("interval.handling.mode", "string");
        return p;
    }
}
