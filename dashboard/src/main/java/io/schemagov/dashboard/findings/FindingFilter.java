package io.schemagov.dashboard.findings;

import java.time.Instant;
import java.util.List;

/**
 * Which findings to show: every list is "any of these" (empty means any), the lists are combined with "and".
 *
 * @param tables        {@code table} or {@code schema.table}
 * @param actors        a role or an application name
 * @param text          full-text search in messages, statements and remediations, or null
 * @param from          event time at or after, or null
 * @param to            event time before, or null
 * @param detectedAfter detected strictly after (the live view asks for what is new), or null
 */
record FindingFilter(List<String> severities, List<String> databases, List<String> statuses, List<String> ruleIds,
                     List<String> schemas, List<String> tables, List<String> actors, String text, Instant from,
                     Instant to, Instant detectedAfter) {

    static final FindingFilter ANY = new FindingFilter(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), null, null, null, null);

    FindingFilter {
        severities = List.copyOf(severities);
        databases = List.copyOf(databases);
        statuses = List.copyOf(statuses);
        ruleIds = List.copyOf(ruleIds);
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        actors = List.copyOf(actors);
    }

    FindingFilter withTable(String database, String schema, String table) {
        return new FindingFilter(severities, List.of(database), statuses, ruleIds, List.of(schema), List.of(table),
                actors, text, from, to, detectedAfter);
    }
}
