package io.schemagov.ingest.engine;

import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.model.Globs;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The Debezium PostgreSQL connector settings for one source. Tuned for latency: Debezium's
 * defaults poll every 500 ms, which alone costs most of a second from commit to Kafka.
 */
final class DebeziumConfig {

    /** Matches no table: Debezium treats an empty include list as "all tables". */
    private static final String NO_TABLE = "schemagov\\.no_audited_table";

    private DebeziumConfig() {
    }

    static Properties of(SourceProperties source, Path stateDirectory) {
        Properties p = new Properties();
        p.setProperty("name", "schemagov-" + source.name());
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", stateDirectory.resolve(source.name() + ".offsets").toString());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", source.host());
        p.setProperty("database.port", Integer.toString(source.port()));
        p.setProperty("database.user", source.username());
        p.setProperty("database.password", source.password());
        p.setProperty("database.dbname", source.database());
        p.setProperty("topic.prefix", source.name());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", source.slot());
        p.setProperty("publication.name", source.publication());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", source.auditedTables().isEmpty() ? NO_TABLE
                : source.auditedTables().stream().map(table -> Globs.compile(table).pattern())
                        .collect(Collectors.joining(",")));
        p.setProperty("message.prefix.include.list", "schemagov\\.ddl,schemagov\\.baseline,schemagov\\.actor");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("skipped.operations", "none");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("interval.handling.mode", "string");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("poll.interval.ms", "5");
        p.setProperty("max.batch.size", "4096");
        p.setProperty("max.queue.size", "16384");
        p.setProperty("heartbeat.interval.ms", "10000");
        return p;
    }
}
