package io.schemagov.ingest.binlog;

import io.schemagov.ingest.config.DebeziumCommon;
import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.model.SourceKind;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The Debezium MariaDB (or MySQL) connector settings for one source: schema changes on, the schema history and
 * the offsets in files of the state directory, and a schema-only snapshot at first connect that becomes the
 * baseline.
 */
public final class BinlogDebeziumConfig {

    /** Matches no table: Debezium treats an empty include list as "all tables". */
    private static final String NO_TABLE = "schemagov_no_database\\.no_audited_table";

    private BinlogDebeziumConfig() {
    }

    public static Properties of(SourceProperties source, Path stateDirectory) {
        Properties p = DebeziumCommon.of(source, stateDirectory, NO_TABLE);
        p.setProperty("connector.class", source.kind() == SourceKind.MYSQL ? "io.debezium.connector.mysql.MySqlConnector"
                : "io.debezium.connector.mariadb.MariaDbConnector");
        p.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
        p.setProperty("schema.history.internal.file.filename",
                stateDirectory.resolve(source.name() + ".schema-history").toString());
        p.setProperty("database.server.id", Long.toString(source.replicaServerId()));
        p.setProperty("database.include.list", Pattern.quote(source.database()));
        p.setProperty("include.schema.changes", "true");
        return p;
    }
}
