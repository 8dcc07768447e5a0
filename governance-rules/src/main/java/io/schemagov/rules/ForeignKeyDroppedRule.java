package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags foreign keys a change dropped from tables that still exist, after which PostgreSQL no longer checks that
 * their rows reference existing rows.
 */
final class ForeignKeyDroppedRule implements ChangeRule {

    static final String ID = "foreign-key-dropped";

    private static final RuleInfo INFO = new RuleInfo(ID, "Foreign key dropped", Severity.MEDIUM, RuleScope.CHANGE,
            "Without the foreign key PostgreSQL no longer checks that referencing rows point at existing rows: "
                    + "deleting a parent or inserting a wrong key succeeds, leaving orphans that inner joins silently "
                    + "drop and that make re-adding the key fail later. Its ON DELETE / ON UPDATE actions stop too. "
                    + "Dropping a key is sometimes one step of changing it; this finding says that, as of this "
                    + "change, it is gone.",
            "To change a foreign key, add the new one in the same transaction as the drop, as NOT VALID, and "
                    + "validate it separately: ALTER TABLE t ADD CONSTRAINT t_ref_fkey FOREIGN KEY (ref_id) "
                    + "REFERENCES parent (id) NOT VALID; then ALTER TABLE t VALIDATE CONSTRAINT t_ref_fkey; which "
                    + "does not block writes. If the key was dropped on purpose, make sure the application enforces "
                    + "the relation; find orphans with a LEFT JOIN before adding a key again.",
            "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;",
            "-- replace the key in the same statement, NOT VALID, and validate it in a later migration\n"
                    + "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey,\n"
                    + "    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) "
                    + "ON DELETE RESTRICT NOT VALID;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!EventTables.dropped(event, "table constraint")) {
            return List.of(); // nearly every command: no need to work out what else was dropped
        }
        DropContext context = DropContext.of(event);
        Map<String, List<DroppedObject>> byTable = new LinkedHashMap<>();
        for (DroppedObject dropped : event.getDroppedObjects()) {
            DroppedParts parts = "table constraint".equalsIgnoreCase(dropped.getObjectType())
                    ? DroppedParts.of(dropped) : null;
            if (parts != null && context.tableSurvives(parts) && !context.wentWithColumnOrClone(dropped, parts)) {
                byTable.computeIfAbsent(parts.qualifiedTable(), table -> new ArrayList<>()).add(dropped);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byTable.forEach((table, constraints) -> {
            // The binlog ingest reports a dropped constraint only for DROP FOREIGN KEY: all of them are keys.
            List<DroppedObject> keys = MysqlRules.isMysql(event) ? constraints
                    : foreignKeys(constraints, context.checkTriggers(table));
            for (DroppedObject fk : keys) {
                if (!recreated(event, DroppedParts.of(fk))) {
                    findings.add(finding(event, context, fk));
                }
            }
        });
        return findings;
    }

    /**
     * The foreign keys among a table's dropped constraints. The drop reports no constraint type, but every
     * foreign key takes two RI_ConstraintTrigger_c_ triggers on its table along, so their count says how many of
     * the constraints were foreign keys; names decide which, when other kinds were dropped with them.
     */
    private static List<DroppedObject> foreignKeys(List<DroppedObject> constraints, int checkTriggers) {
        int keys = (checkTriggers + 1) / 2;
        List<DroppedObject> byName = constraints.stream().filter(c -> ConstraintNames.looksForeign(name(c))).toList();
        if (keys == 0 || byName.size() >= keys) {
            return byName;
        }
        if (constraints.size() <= keys) {
            return constraints;
        }
        List<DroppedObject> notOtherKind = constraints.stream()
                .filter(c -> !ConstraintNames.looksOtherKind(name(c))).toList();
        return notOtherKind.isEmpty() ? constraints : notOtherKind;
    }

    /** Dropped and added again under the same name by the same command, e.g. to change ON DELETE. */
    private static boolean recreated(SchemaChangeEvent event, DroppedParts parts) {
        Optional<TableSnapshot> table = EventSubjects.snapshot(event, parts.schema(), parts.table());
        return table.isPresent() && table.get().getConstraints().stream()
                .anyMatch(constraint -> constraint.getName().equals(parts.name()));
    }

    private static Finding finding(SchemaChangeEvent event, DropContext context, DroppedObject fk) {
        DroppedParts parts = DroppedParts.of(fk);
        String command = event.getCommandTag() == null ? "A DROP" : event.getCommandTag();
        String cause = fk.getOriginal() ? "" : " along with " + ShortList.of(context.named());
        String message = command + " dropped foreign key " + parts.name() + " of " + parts.qualifiedTable() + cause
                + ": " + (MysqlRules.isMysql(event) ? "the database" : "PostgreSQL")
                + " no longer checks that its rows reference existing rows";
        return INFO.finding(parts.schema(), parts.table(), Names.qualified(parts.qualifiedTable(), parts.name()),
                message);
    }

    private static String name(DroppedObject constraint) {
        return DroppedParts.of(constraint).name();
    }

    /** What else the event dropped, to tell which constraints vanished only because their table or column did. */
    private record DropContext(Set<String> tables, Set<String> schemas, Set<String> tablesWithColumns,
            Set<String> originalConstraints, Map<String, Integer> triggers, List<String> named) {

        static DropContext of(SchemaChangeEvent event) {
            List<DroppedObject> dropped = event.getDroppedObjects();
            Set<String> tables = EventTables.droppedTables(event).stream()
                    .map(table -> Names.qualified(EventTables.schemaOf(table), EventTables.nameOf(table)))
                    .collect(Collectors.toSet());
            Set<String> schemas = dropped.stream().filter(d -> "schema".equalsIgnoreCase(d.getObjectType()))
                    .map(EventTables::nameOf).collect(Collectors.toSet());
            Set<String> withColumns = dropped.stream().filter(d -> "table column".equalsIgnoreCase(d.getObjectType()))
                    .map(DropContext::tableOfColumn).collect(Collectors.toSet());
            Set<String> originals = dropped.stream()
                    .filter(d -> d.getOriginal() && "table constraint".equalsIgnoreCase(d.getObjectType()))
                    .map(DroppedParts::of).filter(Objects::nonNull).map(DroppedParts::name).collect(Collectors.toSet());
            Map<String, Integer> triggers = new LinkedHashMap<>();
            dropped.stream().filter(d -> "trigger".equalsIgnoreCase(d.getObjectType())).map(DroppedParts::of)
                    .filter(p -> p != null && p.name().startsWith("RI_ConstraintTrigger_c_"))
                    .forEach(p -> triggers.merge(p.qualifiedTable(), 1, Integer::sum));
            List<String> named = dropped.stream().filter(DroppedObject::getOriginal)
                    .map(d -> Names.normalized(d.getObjectIdentity())).toList();
            return new DropContext(tables, schemas, withColumns, originals, triggers, named);
        }

        boolean tableSurvives(DroppedParts parts) {
            return !tables.contains(parts.qualifiedTable()) && !schemas.contains(parts.schema());
        }

        /** Constraints that went with a dropped column, or a partition's clone of a key dropped from its parent. */
        boolean wentWithColumnOrClone(DroppedObject constraint, DroppedParts parts) {
            return !constraint.getOriginal() && (tablesWithColumns.contains(parts.qualifiedTable())
                    || originalConstraints.contains(parts.name()));
        }

        int checkTriggers(String table) {
            return triggers.getOrDefault(table, 0);
        }

        private static String tableOfColumn(DroppedObject column) {
            List<String> parts = Names.parts(column.getObjectIdentity());
            return parts.size() < 2 ? "" : Names.qualified(EventTables.schemaOf(column), parts.get(parts.size() - 2));
        }
    }
}
