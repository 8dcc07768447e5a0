package io.schemagov.ingest.capture;

import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.model.Globs;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audited tables of a source: its configured names, where an entry with {@code *} (e.g. {@code billing.*} or
 * {@code public.order_*}) stands for every ordinary or partitioned table it matches at start-up. A table created
 * later joins at the next start; an exact name that does not exist is an error, a pattern matching nothing a
 * warning.
 */
final class AuditedTables {

    private static final Logger log = LoggerFactory.getLogger(AuditedTables.class);

    private AuditedTables() {
    }

    static Set<String> resolve(Connection connection, SourceProperties source) throws SQLException {
        List<String> existing = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT n.nspname || '.' || c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
                + "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'schemagov') AND n.nspname NOT LIKE 'pg\\_%'")) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        Set<String> tables = new TreeSet<>();
        for (String entry : source.auditedTables()) {
            if (!entry.contains("*")) {
                if (!existing.contains(entry)) {
                    throw new CaptureSetupException("schemagov.ingest.sources: audited table '" + entry
                            + "' does not exist in source '" + source.name() + "'", null);
                }
                tables.add(entry);
                continue;
            }
            Pattern pattern = Globs.compile(entry);
            List<String> matched = existing.stream().filter(t -> pattern.matcher(t).matches()).toList();
            if (matched.isEmpty()) {
                log.warn("source '{}': audited table pattern '{}' matches no table yet", source.name(), entry);
            }
            tables.addAll(matched);
        }
        return tables;
    }
}
