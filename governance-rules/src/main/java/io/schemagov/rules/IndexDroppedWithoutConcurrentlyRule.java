package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.IndexStatements.DropIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags indexes of populated tables dropped without CONCURRENTLY, which blocks all access to the table. */
final class IndexDroppedWithoutConcurrentlyRule implements ChangeRule {

    static final String ID = "index-dropped-without-concurrently";
    private static final String DROP_INDEX = "DROP INDEX";

    private static final RuleInfo INFO = new RuleInfo(ID, "Index dropped without CONCURRENTLY", Severity.MEDIUM,
            RuleScope.CHANGE,
            "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table. The drop "
                    + "itself is quick, but it first waits for every running query on the table to finish, and "
                    + "meanwhile every new read and write queues behind it; a single long query turns the drop "
                    + "into an outage. Severity grows with the table's size.",
            "Drop indexes with DROP INDEX CONCURRENTLY, outside a transaction block; it waits for conflicting "
                    + "transactions without blocking reads and writes. It drops one index per statement and "
                    + "cannot CASCADE. Also set a short lock_timeout so a blocked drop gives up instead of "
                    + "stalling the queue behind it. Indexes backing a constraint are dropped with the constraint.",
            "DROP INDEX orders_customer_idx;",
            "DROP INDEX CONCURRENTLY orders_customer_idx;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of(DROP_INDEX);
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!DROP_INDEX.equalsIgnoreCase(event.getCommandTag()) || event.getStatement() == null) {
            return List.of();
        }
        List<DropIndex> statements = IndexStatements.drops(event.getStatement());
        List<Finding> findings = new ArrayList<>();
        for (DroppedObject dropped : event.getDroppedObjects()) {
            if ("index".equalsIgnoreCase(dropped.getObjectType()) && dropped.getOriginal()) {
                String name = EventTables.nameOf(dropped);
                boolean concurrently = statementFor(name, statements).map(DropIndex::concurrently).orElse(false);
                if (!concurrently) {
                    finding(event, dropped, name, settings).ifPresent(findings::add);
                }
            }
        }
        return findings;
    }

    /**
     * The DROP INDEX statement naming the index, else any other. None at all means the command ran inside
     * a function or DO block, where CONCURRENTLY is impossible.
     */
    private static Optional<DropIndex> statementFor(String name, List<DropIndex> statements) {
        return statements.stream().min(Comparator.comparing((DropIndex drop) -> !drop.names().contains(name))
                .thenComparing(DropIndex::concurrently));
    }

    private static Optional<Finding> finding(SchemaChangeEvent event, DroppedObject dropped, String name,
            RuleSettings settings) {
        Optional<TableSnapshot> found = tableOf(event, name);
        if (found.isEmpty() || !TableSize.of(found.get()).holdsRows()) {
            return Optional.empty(); // unknown or empty table: nothing waited long enough to matter
        }
        TableSnapshot table = found.get();
        TableSize size = TableSize.of(table);
        String message = "DROP INDEX " + name + " took an ACCESS EXCLUSIVE lock on " + Names.of(table) + " ("
                + size.describe() + "): blocked reads and writes while it waited for and held the lock";
        String object = Names.qualified(EventTables.schemaOf(dropped), name);
        return Optional.of(INFO.finding(size.severity(settings), table.getSchemaName(), table.getTableName(),
                object, message));
    }

    /**
     * The dropped index's table. The index is gone from every snapshot, so this is the only snapshot, or
     * else the one whose name starts the index name, as PostgreSQL's generated names do.
     */
    private static Optional<TableSnapshot> tableOf(SchemaChangeEvent event, String indexName) {
        return EventTables.single(event).or(() -> {
            List<TableSnapshot> prefixed = event.getTables().stream()
                    .filter(table -> indexName.startsWith(table.getTableName() + "_"))
                    .toList();
            return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
        });
    }
}
