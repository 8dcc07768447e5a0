package io.schemagov.dashboard.tables;

import static io.schemagov.dashboard.api.Parameters.blankToNull;
import static io.schemagov.dashboard.api.Parameters.required;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.ApiException;
import io.schemagov.dashboard.api.Parameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tables as the schema history knows them: the list of a database's tables, one table's structure and timeline,
 * the difference between two points of that timeline, and a schema's entity-relationship diagram.
 */
@RestController
class TablesController {

    private final TableQueries queries;

    TablesController(TableQueries queries) {
        this.queries = queries;
    }

    record TableList(List<ObjectNode> tables, boolean truncated) {
    }

    /** The latest state of every table (without snapshots), with its open findings. */
    @GetMapping("/api/tables")
    TableList tables(@RequestParam(required = false) String database, @RequestParam(required = false) String schema) {
        required("database", database);
        Map<String, Long> open = queries.openFindingsByTable(database);
        List<ObjectNode> tables = queries.latest(database, blankToNull(schema), false);
        tables.forEach(t -> t.put("openFindings", open.getOrDefault(t.path("schema").asText() + "."
                + t.path("table").asText(), 0L)));
        return new TableList(tables, tables.size() >= TableQueries.MAX_TABLES);
    }

    record TableHistory(ObjectNode current, List<ObjectNode> history) {
    }

    /** One table: its latest snapshot ({@code current}, null once dropped) and every change, newest first. */
    @GetMapping("/api/tables/history")
    TableHistory history(@RequestParam(required = false) String database, @RequestParam(required = false) String schema,
            @RequestParam(required = false) String table) {
        required("database", database);
        required("schema", schema);
        required("table", table);
        List<ObjectNode> history = queries.history(database, schema, table);
        if (history.isEmpty()) {
            throw ApiException.notFound("no schema history for " + schema + "." + table + " in " + database);
        }
        ObjectNode latest = history.get(0);
        return new TableHistory("snapshot".equals(latest.path("kind").asText()) ? latest : null, history);
    }

    /** The table as it was at a moment (a finding's event time): the last history entry at or before it. */
    @GetMapping("/api/tables/at")
    ObjectNode at(@RequestParam(required = false) String database, @RequestParam(required = false) String schema,
            @RequestParam(required = false) String table, @RequestParam(required = false) String time) {
        required("database", database);
        required("schema", schema);
        required("table", table);
        required("time", time);
        Instant moment = Parameters.instant("time", time);
        return queries.at(database, schema, table, moment).orElseThrow(() -> ApiException.notFound(
                "no schema history for " + schema + "." + table + " at " + time));
    }

    record TableDiff(ObjectNode from, ObjectNode to, List<SnapshotDiff.Change> changes) {
    }

    /** The difference between two history entries of the same table ({@code from} before {@code to}). */
    @GetMapping("/api/tables/diff")
    TableDiff diff(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        required("from", from);
        required("to", to);
        ObjectNode before = queries.historyEntry(from).orElseThrow(() -> ApiException.notFound("no history entry " + from));
        ObjectNode after = queries.historyEntry(to).orElseThrow(() -> ApiException.notFound("no history entry " + to));
        for (String field : List.of("database", "schema", "table")) {
            if (!before.path(field).asText().equals(after.path(field).asText())) {
                throw ApiException.badParameter("to", "the two entries belong to different tables");
            }
        }
        List<SnapshotDiff.Change> changes = SnapshotDiff.between(before.get("snapshot"), after.get("snapshot"));
        before.remove("snapshot");
        after.remove("snapshot");
        return new TableDiff(before, after, changes);
    }

    @GetMapping("/api/diagram")
    SchemaDiagram diagram(@RequestParam(required = false) String database, @RequestParam(required = false) String schema) {
        required("database", database);
        return SchemaDiagram.of(queries.latest(database, blankToNull(schema), true),
                queries.openFindingsByTable(database));
    }
}
