package io.schemagov.ingest.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One monitored PostgreSQL database. The password may come from the environment
 * ({@code SCHEMAGOV_INGEST_SOURCES_0_PASSWORD}) and never appears in logs or {@link #toString()}.
 */
public record SourceProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be letters, digits, '_' or '-'") String name,
        @NotBlank @Pattern(regexp = "jdbc:postgresql://[^/:]+(:\\d+)?/[^?]+(\\?.*)?",
                message = "must look like jdbc:postgresql://host:port/database") String url,
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
        @DefaultValue("false") boolean actorAttribution) {

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
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 5432;
    }

    public String database() {
        String rest = url.substring("jdbc:postgresql://".length());
        String path = rest.substring(rest.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private String authority() {
        String rest = url.substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    @Override
    public String toString() {
        return "SourceProperties[name=" + name + ", url=" + url + ", username=" + username + ", password=****, schemas="
                + schemas + ", auditedTables=" + auditedTables + ", slot=" + slot() + ", publication=" + publication() + "]";
    }
}
