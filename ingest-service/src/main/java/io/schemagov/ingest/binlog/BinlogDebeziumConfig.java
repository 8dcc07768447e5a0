package io.schemagov.ingest.binlog;

import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.model.Globs;
import io.schemagov.model.SourceKind;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;

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
        Properties p = new Properties();
        p.setProperty("name", "schemagov-" + source.name());
        p.setProperty("connector.class", source.kind() == SourceKind.MYSQL ? "io.debezium.connector.mysql.MySqlConnector"
                : "io.debezium.connector.mariadb.MariaDbConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", stateDirectory.resolve(source.name() + ".offsets").toString());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
        p.setProperty("schema.history.internal.file.filename",
                stateDirectory.resolve(source.name() + ".schema-history").toString());
        p.setProperty("database.hostname", source.host());
        p.setProperty("database.port", Integer.toString(source.port()));
        p.setProperty("database.user", source.username());
        p.setProperty("database.password", source.password());
        p.setProperty("database.server.id", Long.toString(source.replicaServerId()));
        p.setProperty("database.include.list", java.util.regex.Pattern.quote(source.database()));
        p.setProperty("topic.prefix", source.name());
        p.setProperty("include.schema.changes", "true");
        p.setProperty("table.include.list", source.auditedTables().isEmpty() ? NO_TABLE
                : source.auditedTables().stream().map(table -> Globs.compile(table).pattern())
                        .collect(Collectors.joining(",")));
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("poll.interval.ms", "5");
        p.setProperty("max.batch.size", "4096");
        p.setProperty("max.queue.size", "16384");
        p.setProperty("heartbeat.interval.ms", "10000");
        return p;
    }
}
