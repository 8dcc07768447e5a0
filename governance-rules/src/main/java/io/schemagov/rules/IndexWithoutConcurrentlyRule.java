package io.schemagov.rules;

import io.schemagov.model.AffectedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.IndexStatements.CreateIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags indexes built on populated tables without CONCURRENTLY, which blocks writes for the whole build. */
final class IndexWithoutConcurrentlyRule implements ChangeRule {

    static final String ID = "index-without-concurrently";
    private static final String CREATE_INDEX = "CREATE INDEX";

    private static final RuleInfo INFO = new RuleInfo(ID, "Index built without CONCURRENTLY", Severity.MEDIUM,
            RuleScope.CHANGE,
            "CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table until the build finishes: reads "
                    + "continue, but every INSERT, UPDATE and DELETE waits, and on a large table the build takes "
                    + "minutes to hours. Severity grows with the table's size.",
            "Build indexes with CREATE INDEX CONCURRENTLY, outside a transaction block (not in a function, DO "
                    + "block or migration transaction). It takes a SHARE UPDATE EXCLUSIVE lock that lets reads and "
                    + "writes continue, at the cost of two table scans. If it fails it leaves an INVALID index: "
                    + "drop it (DROP INDEX CONCURRENTLY) and retry. On a partitioned table, where CONCURRENTLY is "
                    + "not supported, create the index ON ONLY the parent, build each partition's index "
                    + "CONCURRENTLY and attach it with ALTER INDEX ... ATTACH PARTITION.",
            "CREATE INDEX orders_customer_idx ON orders (customer_id);",
            "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (event.getStatement() == null) {
            return List.of(); // without the text there is no telling whether CONCURRENTLY was used
        }
        List<String> created = createdIndexes(event);
        if (created.isEmpty()) {
            return List.of(); // most commands build no index: no need to read the text
        }
        List<CreateIndex> statements = IndexStatements.creates(event.getStatement());
        List<Finding> findings = new ArrayList<>();
        for (String index : created) {
            statementFor(event, Names.unqualified(index), statements)
                    .filter(create -> !create.concurrently())
                    .flatMap(create -> finding(event, index, create, statements.isEmpty(), settings))
                    .ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * The identities of the indexes this command built, each once, in order: the command's own object and any
     * reported with it. A list, not a set: a command builds one index or a few, fewer than hashing would pay for.
     */
    private static List<String> createdIndexes(SchemaChangeEvent event) {
        List<String> indexes = new ArrayList<>(2);
        if (CREATE_INDEX.equalsIgnoreCase(event.getCommandTag()) && event.getObjectIdentity() != null) {
            indexes.add(event.getObjectIdentity());
        }
        for (AffectedObject object : event.getObjects()) {
            if ("index".equalsIgnoreCase(object.getObjectType())
                    && CREATE_INDEX.equalsIgnoreCase(object.getCommandTag())
                    && !indexes.contains(object.getObjectIdentity())) {
                indexes.add(object.getObjectIdentity());
            }
        }
        return indexes;
    }

    /**
     * The CREATE INDEX statement that built the index: the one naming it, else one that names no index.
     * With no CREATE INDEX in the text, a CREATE INDEX command ran inside a function or DO block, where
     * CONCURRENTLY is impossible; any other command (CREATE TABLE, ADD CONSTRAINT) built it for a constraint,
     * which is not this rule's concern.
     */
    private static Optional<CreateIndex> statementFor(SchemaChangeEvent event, String indexName,
            List<CreateIndex> statements) {
        if (statements.isEmpty()) {
            return CREATE_INDEX.equalsIgnoreCase(event.getCommandTag())
                    ? Optional.of(new CreateIndex(indexName, null, false, false))
                    : Optional.empty();
        }
        CreateIndex preferred = statements.get(0);
        for (CreateIndex create : statements) {
            if (rank(create, indexName) < rank(preferred, indexName)) {
                preferred = create;
            }
        }
        return Optional.of(preferred);
    }

    /** Lower is likelier: naming the index first, then naming no index at all, then built without CONCURRENTLY. */
    private static int rank(CreateIndex create, String indexName) {
        return (indexName.equals(create.name()) ? 0 : 4) + (create.name() == null ? 0 : 2)
                + (create.concurrently() ? 1 : 0);
    }

    private static Optional<Finding> finding(SchemaChangeEvent event, String index, CreateIndex create,
            boolean inFunction, RuleSettings settings) {
        Optional<TableSnapshot> found = tableOf(event, index, create);
        if (found.isEmpty()) {
            return Optional.empty(); // no snapshot, so no size to judge by; capture-incomplete covers lost snapshots
        }
        TableSnapshot table = found.get();
        boolean partitioned = EventTables.isPartitioned(table);
        TableSize size = TableSize.of(table);
        if (partitioned ? create.only() : !size.holdsRows()) {
            return Optional.empty(); // ON ONLY builds nothing; an empty table is built in an instant
        }
        // A partitioned parent holds no rows itself: its partitions, locked too, were not captured.
        boolean sizeUnknown = partitioned && !size.holdsRows();
        Severity severity = sizeUnknown ? Severity.MEDIUM : size.severity(settings);
        String target = Names.of(table) + (partitioned ? " and all its partitions" : "");
        String message = "CREATE INDEX " + Names.unqualified(index) + " took a SHARE lock on " + target + " ("
                + (sizeUnknown ? "partition sizes not captured" : size.describe())
                + "): blocked INSERT, UPDATE and DELETE for the whole build"
                + (inFunction ? " (it ran inside a function or DO block, where CONCURRENTLY is not possible)" : "");
        String object = Names.qualified(table.getSchemaName(), Names.unqualified(index));
        return Optional.of(INFO.finding(severity, table.getSchemaName(), table.getTableName(), object, message));
    }

    /** The indexed table: the snapshot that lists the index, else the one named after ON, else the only one. */
    private static Optional<TableSnapshot> tableOf(SchemaChangeEvent event, String index, CreateIndex create) {
        List<String> parts = Names.parts(index);
        String schema = parts.size() > 1 ? parts.get(0) : null;
        return EventTables.withIndex(event, schema, Names.unqualified(index))
                .or(() -> create.table() == null ? Optional.empty() : EventTables.find(event, create.table()))
                .or(() -> EventTables.single(event));
    }
}
