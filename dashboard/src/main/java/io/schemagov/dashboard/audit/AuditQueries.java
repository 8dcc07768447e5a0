package io.schemagov.dashboard.audit;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The filters that select a database's (or one table's) audit records over a period of event time. */
final class AuditQueries {

    private AuditQueries() {
    }

    /** @param table null for every table; from inclusive and to exclusive, each null for no bound */
    static List<Query> period(String database, String table, Instant from, Instant to) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("database").value(database))));
        if (table != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("table").value(table))));
        }
        if (from != null || to != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> {
                u.field("eventTime");
                if (from != null) {
                    u.gte(JsonData.of(from.toString()));
                }
                if (to != null) {
                    u.lt(JsonData.of(to.toString()));
                }
                return u;
            }))));
        }
        return filters;
    }
}
