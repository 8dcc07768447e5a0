package io.schemagov.ingest.binlog;

import io.schemagov.ingest.capture.CaptureSetupException;
import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.model.Globs;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a MariaDB/MySQL source's audited tables at start-up, as the PostgreSQL ingest does: each is
 * {@code database.table} in the source's database, an exact name must exist, a pattern matching nothing is a
 * warning (tables created later are captured as they appear).
 */
public final class BinlogAuditedTables {

    private static final Logger log = LoggerFactory.getLogger(BinlogAuditedTables.class);

    private BinlogAuditedTables() {
    }

    public static void check(Connection connection, SourceProperties source) throws SQLException {
        List<String> existing = new MariaDbCatalog().tableNames(connection, source.database()).stream()
                .map(table -> source.database() + "." + table).toList();
        for (String entry : source.auditedTables()) {
            if (!entry.startsWith(source.database() + ".")) {
                throw new CaptureSetupException("schemagov.ingest.sources: audited table '" + entry + "' of source '"
                        + source.name() + "' is not in its database '" + source.database() + "'; write it as "
                        + source.database() + ".<table>", null);
            }
            if (!entry.contains("*")) {
                if (!existing.contains(entry)) {
                    throw new CaptureSetupException("schemagov.ingest.sources: audited table '" + entry
                            + "' does not exist in source '" + source.name() + "'", null);
                }
                continue;
            }
            Pattern pattern = Globs.compile(entry);
            if (existing.stream().noneMatch(table -> pattern.matcher(table).matches())) {
                log.warn("source '{}': audited table pattern '{}' matches no table yet", source.name(), entry);
            }
        }
    }
}
