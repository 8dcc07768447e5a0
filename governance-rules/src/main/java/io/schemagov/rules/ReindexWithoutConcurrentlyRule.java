package io.schemagov.rules;

import io.schemagov.model.AffectedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.ReindexStatements.Reindex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flags REINDEX without CONCURRENTLY on populated tables (captured from PostgreSQL 17, which fires for it). */
final class ReindexWithoutConcurrentlyRule implements ChangeRule {

    static final String ID = "reindex-without-concurrently";

    private static final RuleInfo INFO = new RuleInfo(ID, "Index rebuilt without CONCURRENTLY", Severity.MEDIUM,
            RuleScope.CHANGE,
            "REINDEX without CONCURRENTLY holds a SHARE lock on the table, blocking INSERT, UPDATE and DELETE, and "
                    + "an ACCESS EXCLUSIVE lock on the index being rebuilt. Because the planner locks every index of "
                    + "a table when it plans a query on it, that blocks nearly all reads of the table too, for the "
                    + "whole rebuild. PostgreSQL fires event triggers for REINDEX from version 17, so older servers "
                    + "report nothing here. Severity grows with the table's size.",
            "Use REINDEX INDEX CONCURRENTLY (or REINDEX TABLE CONCURRENTLY), PostgreSQL 12+, outside a transaction "
                    + "block: it builds a new index beside the old one under SHARE UPDATE EXCLUSIVE and swaps them. "
                    + "If it fails it leaves an INVALID index named *_ccnew; drop it and retry. To rebuild a bloated "
                    + "index on an older server, CREATE INDEX CONCURRENTLY a replacement and DROP INDEX "
                    + "CONCURRENTLY the old one.",
            "REINDEX INDEX orders_customer_idx;",
            "REINDEX INDEX CONCURRENTLY orders_customer_idx;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of("REINDEX");
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!"REINDEX".equalsIgnoreCase(event.getCommandTag())) {
            return List.of();
        }
        List<Reindex> statements = ReindexStatements.of(event.getStatement());
        if (statements.stream().anyMatch(Reindex::concurrently)) {
            return List.of(); // CONCURRENTLY cannot share a string with other commands, so it was this one
        }
        boolean inFunction = statements.isEmpty();
        List<Finding> findings = new ArrayList<>();
        indexesByTable(event).forEach((snapshot, indexes) -> {
            LockedTable table = LockedTable.of(snapshot);
            if (table.mayHoldRows()) {
                findings.add(finding(table, indexes, inFunction, settings));
            }
        });
        return findings;
    }

    /** Each captured table with the rebuilt indexes that belong to it (none known: the table was reindexed). */
    private static Map<TableSnapshot, List<String>> indexesByTable(SchemaChangeEvent event) {
        Map<TableSnapshot, List<String>> byTable = new LinkedHashMap<>();
        event.getTables().forEach(table -> byTable.put(table, new ArrayList<>()));
        for (AffectedObject object : event.getObjects()) {
            if ("index".equalsIgnoreCase(object.getObjectType())) {
                String name = Names.unqualified(object.getObjectIdentity());
                EventTables.withIndex(event, object.getSchemaName(), name)
                        .ifPresent(table -> byTable.get(table).add(name));
            }
        }
        return byTable;
    }

    private static Finding finding(LockedTable table, List<String> indexes, boolean inFunction,
            RuleSettings settings) {
        String rebuilt = indexes.isEmpty() ? "the indexes of " + table.name()
                : String.join(", ", indexes.stream().map(index -> Names.qualified(table.schema(), index)).toList());
        String message = "REINDEX rebuilt " + rebuilt + " without CONCURRENTLY: it held a SHARE lock on "
                + table.describe() + ", blocking INSERT, UPDATE and DELETE, and an ACCESS EXCLUSIVE lock on each "
                + "index while rebuilding it, which blocks nearly every query on the table because planning locks "
                + "all of its indexes" + (inFunction ? " (it ran inside a function or DO block, where CONCURRENTLY "
                        + "is not possible)" : "");
        String object = indexes.size() == 1 ? indexes.get(0) : null;
        return table.finding(INFO, table.severity(settings), object, message);
    }
}
