package io.schemagov.ingest.binlog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grants Debezium's binlog connector needs, read from the lines of {@code SHOW GRANTS}: REPLICATION SLAVE
 * (to read the binlog), REPLICATION CLIENT (to ask where it is; MariaDB calls it BINLOG MONITOR), RELOAD for
 * the global read lock of the schema snapshot (or, as Debezium documents, LOCK TABLES for table locks instead),
 * all on {@code *.*}, and SELECT on the database or on {@code *.*}. ALL PRIVILEGES covers each at its level.
 */
final class BinlogGrants {

    private static final Pattern GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+(\\S+)\\s+TO\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN_LISTS = Pattern.compile("\\([^)]*\\)");

    private BinlogGrants() {
    }

    /** The privileges missing for {@code database}, or empty when the user has all it needs. */
    static Optional<List<String>> missing(List<String> grantLines, String database) {
        Set<String> global = new HashSet<>();
        Set<String> onDatabase = new HashSet<>();
        for (String line : grantLines) {
            Matcher m = GRANT.matcher(line.strip());
            if (!m.find()) {
                continue;
            }
            String scope = m.group(2).replace("`", "").replace("\"", "");
            Set<String> target = "*.*".equals(scope) ? global
                    : scope.equalsIgnoreCase(database + ".*") ? onDatabase : null;
            if (target == null) {
                continue;
            }
            for (String privilege : COLUMN_LISTS.matcher(m.group(1)).replaceAll("").split(",")) {
                target.add(privilege.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
            }
        }
        List<String> missing = new ArrayList<>();
        if (!has(global, "REPLICATION SLAVE", "REPLICATION REPLICA")) {
            missing.add("REPLICATION SLAVE");
        }
        if (!has(global, "REPLICATION CLIENT", "BINLOG MONITOR")) {
            missing.add("REPLICATION CLIENT");
        }
        if (!has(global, "RELOAD", "LOCK TABLES")) {
            missing.add("RELOAD");
        }
        if (!has(global, "SELECT") && !has(onDatabase, "SELECT")) {
            missing.add("SELECT");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(missing);
    }

    /** The statements an administrator runs to give {@code user} what the connector needs. */
    static String grantStatements(String user, String database) {
        String account = "'" + user.replace("'", "''") + "'@'%'";
        return "GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO " + account + "; GRANT SELECT ON `"
                + database.replace("`", "``") + "`.* TO " + account + ";";
    }

    private static boolean has(Set<String> privileges, String... accepted) {
        if (privileges.contains("ALL") || privileges.contains("ALL PRIVILEGES")) {
            return true;
        }
        for (String privilege : accepted) {
            if (privileges.contains(privilege)) {
                return true;
            }
        }
        return false;
    }
}
