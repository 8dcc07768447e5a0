package io.schemagov.ingest.connect;

import io.schemagov.ingest.capture.CaptureInstaller;
import io.schemagov.ingest.config.SourceProperties;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL a DBA runs for a PostgreSQL source read through Kafka Connect, where no ingest connects to set things up:
 * the DDL capture, then the publication of the audited tables (patterns resolved by the database when the script
 * runs), their replica identity and actor triggers, as the embedded ingest keeps them; and, once the connector has
 * created its slot, the baseline.
 */
final class CaptureScript {

    private CaptureScript() {
    }

    static String setup(SourceProperties source, CaptureInstaller installer) {
        return "-- Schemagov capture for source '" + source.name() + "' (database " + source.database() + ").\n"
                + "-- Run as a superuser in that database, e.g. psql -v ON_ERROR_STOP=1 -d " + source.database()
                + " -f " + source.name() + ".capture.sql\n"
                + "-- Safe to run again; run it again after adding an audited table.\n\n"
                + installer.script() + "\n" + publication(source) + truncateCapture(source);
    }

    /**
     * The TRUNCATE triggers on every table, or none with {@code truncate-capture} off; here in the script's one
     * transaction, a table whose lock does not come within 2 s is skipped and named in the result.
     */
    private static String truncateCapture(SourceProperties source) {
        return "\n-- TRUNCATE capture: a statement trigger on each table (the result lists busy tables skipped; run again).\n"
                + "SELECT schemagov.sync_truncate_capture(" + source.truncateCapture() + ") AS truncate_capture_skipped;\n";
    }

    /** Run once the connector is running (its slot exists): sends the whole existing schema for analysis, once. */
    static String baseline(SourceProperties source) {
        String schemas = source.schemas().stream().map(CaptureScript::literal).collect(Collectors.joining(", "));
        return "-- Schemagov baseline for source '" + source.name() + "': run once the connector " + ConnectorConfig.name(source)
                + " is running\n-- (its replication slot " + source.slot() + " exists); a second run does nothing.\n"
                + "SELECT schemagov.take_baseline(" + literal(source.slot()) + ", ARRAY[" + schemas + "]::text[]);\n";
    }

    private static String publication(SourceProperties source) {
        List<String> exact = source.auditedTables().stream().filter(t -> !t.contains("*")).toList();
        String patterns = source.auditedTables().stream().map(CaptureScript::likePattern).map(CaptureScript::literal)
                .collect(Collectors.joining(", "));
        String publication = literal(source.publication());
        StringBuilder sql = new StringBuilder("-- The publication of the audited tables.\nDO $schemagov_publication$\n"
                + "DECLARE\n    t record;\n    audited text[] := ARRAY[" + patterns + "]::text[];\nBEGIN\n");
        for (String table : exact) {
            sql.append("    IF to_regclass(").append(literal(qualified(table))).append(") IS NULL THEN\n")
                    .append("        RAISE EXCEPTION 'audited table % does not exist', ").append(literal(table)).append(";\n")
                    .append("    END IF;\n");
        }
        sql.append("    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = ").append(publication).append(") THEN\n")
                .append("        EXECUTE format('CREATE PUBLICATION %I', ").append(publication).append(");\n    END IF;\n")
                .append("    FOR t IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace\n")
                .append("              WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition\n")
                .append("                AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'schemagov')\n")
                .append("                AND n.nspname || '.' || c.relname LIKE ANY (audited)\n    LOOP\n")
                .append("        IF NOT EXISTS (SELECT 1 FROM pg_publication_tables p WHERE p.pubname = ").append(publication)
                .append(" AND p.schemaname = t.nspname AND p.tablename = t.relname) THEN\n")
                .append("            EXECUTE format('ALTER PUBLICATION %I ADD TABLE %I.%I', ").append(publication)
                .append(", t.nspname, t.relname);\n        END IF;\n");
        if (source.replicaIdentityFull()) {
            sql.append("        EXECUTE format('ALTER TABLE %I.%I REPLICA IDENTITY FULL', t.nspname, t.relname);\n");
        }
        if (source.actorAttribution()) {
            sql.append("        IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = format('%I.%I', t.nspname, t.relname)::regclass\n")
                    .append("                       AND tgname = 'schemagov_actor') THEN\n")
                    .append("            EXECUTE format('CREATE TRIGGER schemagov_actor BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I.%I '\n")
                    .append("                || 'FOR EACH STATEMENT EXECUTE FUNCTION schemagov.record_actor()', t.nspname, t.relname);\n")
                    .append("        END IF;\n");
        }
        return sql.append("    END LOOP;\nEND\n$schemagov_publication$;\n").toString();
    }

    /** A configured table or {@code *} pattern as a LIKE pattern: {@code *} is any run, {@code _} and {@code %} are literal. */
    static String likePattern(String table) {
        return table.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%").replace("*", "%");
    }

    private static String qualified(String table) {
        String[] parts = table.split("\\.", 2);
        return "\"" + parts[0].replace("\"", "\"\"") + "\".\"" + parts[1].replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
