package io.schemagov.ingest.config;

import io.schemagov.model.SourceKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One monitored database: PostgreSQL, MariaDB or MySQL, told by {@code kind} or else by the JDBC URL. For
 * MariaDB/MySQL a schema is a database: tables are {@code database.table}. The password may come from the
 * environment ({@code SCHEMAGOV_INGEST_SOURCES_0_PASSWORD}) and never appears in logs or {@link #toString()}.
 */
public record SourceProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be letters, digits, '_' or '-'") String name,
        @NotBlank @Pattern(regexp = "jdbc:(postgresql|mariadb|mysql)://[^/:]+(:\\d+)?/[^?]+(\\?.*)?",
                message = "must look like jdbc:postgresql://host:port/database, jdbc:mariadb://host:port/database "
                        + "or jdbc:mysql://host:port/database") String url,
        @NotBlank String username,
        @DefaultValue("") String password,
        @DefaultValue List<String> schemas,
        @DefaultValue List<@Pattern(regexp = "[^.]+\\.[^.]+", message = "must be schema.table") String> auditedTables,
        @DefaultValue("true") boolean replicaIdentityFull,
        @DefaultValue("") String slotName,
        @DefaultValue("") String publicationName,
        /**
         * Attribute data changes: a statement trigger on each audited table records, per transaction, the actor the
         * application declared ({@code SET LOCAL schemagov.actor = 'alice'}) and the session's role; off by default.
         */
        @DefaultValue("false") boolean actorAttribution,
        /** POSTGRESQL, MARIADB or MYSQL; inferred from the URL when unset, and must agree with it when set. */
        SourceKind kind,
        /**
         * MariaDB/MySQL: the server id the ingest uses as a replica; unique among the replicas of that server.
         * 0 derives one from the source name.
         */
        @Min(0) @Max(4294967295L) @DefaultValue("0") long serverId,
        /**
         * PostgreSQL: capture TRUNCATE with a statement trigger ({@code schemagov_truncate}) on every table, as event
         * triggers do not fire for it; on by default. Off takes the triggers off again at the next start.
         */
        @DefaultValue("true") boolean truncateCapture) {

    public SourceProperties {
        SourceKind inferred = url == null ? null : kindOf(url);
        if (kind == null) {
            kind = inferred;
        } else if (inferred != null && !compatible(kind, inferred)) {
            throw new IllegalArgumentException("schemagov.ingest.sources: source '" + name + "' has kind " + kind
                    + " but its url " + url + " is for " + inferred);
        }
    }

    /** The kind a JDBC URL names, or null when it names none Schemagov knows. */
    static SourceKind kindOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return SourceKind.POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:")) {
            return SourceKind.MARIADB;
        }
        return lower.startsWith("jdbc:mysql:") ? SourceKind.MYSQL : null;
    }

    /** The MariaDB driver speaks to MySQL too, so a MYSQL source may use a jdbc:mariadb URL. */
    private static boolean compatible(SourceKind kind, SourceKind inferred) {
        return kind == inferred || (kind == SourceKind.MYSQL && inferred == SourceKind.MARIADB);
    }

    /** MariaDB or MySQL: a binlog source. */
    public boolean isBinlog() {
        return kind == SourceKind.MARIADB || kind == SourceKind.MYSQL;
    }

    /** The replica server id Debezium registers with; derived from the name unless configured. */
    public long replicaServerId() {
        return serverId != 0 ? serverId : 100_000 + Math.floorMod(name.hashCode(), 1_000_000);
    }

    /** Replication slot of this source; derived from its name unless configured. */
    public String slot() {
        return slotName.isBlank() ? "schemagov_" + name.replace('-', '_').toLowerCase() : slotName;
    }

    public String publication() {
        return publicationName.isBlank() ? "schemagov_" + name.replace('-', '_').toLowerCase() : publicationName;
    }

    public String host() {
        return authority().split(":")[0];
    }

    public int port() {
        String[] parts = authority().split(":");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : isBinlog() ? 3306 : 5432;
    }

    public String database() {
        String rest = url.substring(url.indexOf("://") + 3);
        String path = rest.substring(rest.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private String authority() {
        String rest = url.substring(url.indexOf("://") + 3);
        return rest.substring(0, rest.indexOf('/'));
    }

    @Override
    public String toString() {
        return "SourceProperties[name=" + name + ", kind=" + kind + ", url=" + url + ", username=" + username + ", password=****, schemas="
                + schemas + ", auditedTables=" + auditedTables + ", slot=" + slot() + ", publication=" + publication() + "]";
    }
}
