package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.IndexStatements.CreateIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table locks of the captured commands that come with a snapshot of the locked table (ALTER TABLE, CREATE
 * INDEX, REINDEX); other lock-taking DDL such as CREATE TRIGGER is captured without one.
 */
final class EventLocks {

    private EventLocks() {
    }

    static List<TableLock> of(SchemaChangeEvent event) {
        String tag = event.getCommandTag() == null ? "" : event.getCommandTag().toUpperCase(Locale.ROOT);
        switch (tag) {
            case "ALTER TABLE":
                return alterTable(event);
            case "CREATE INDEX":
                return createIndex(event).stream().toList();
            case "REINDEX":
                return reindex(event);
            default:
                return List.of();
        }
    }

    private static List<TableLock> alterTable(SchemaChangeEvent event) {
        List<TableLock> locks = new ArrayList<>();
        AlterTableEvent.of(event).ifPresent(alter -> {
            for (AlterTableStatement statement : alter.current()) {
                TableWork work = TableWork.NONE;
                AlterSubcommand worker = statement.strongest();
                for (AlterSubcommand subcommand : statement.subcommands()) {
                    TableWork done = done(alter, subcommand);
                    if (done.compareTo(work) > 0) {
                        work = done;
                        worker = subcommand;
                    }
                }
                locks.add(new TableLock(alter.table(), statement.lock(),
                        AlterTableStatement.describe(statement.strongest()), work,
                        AlterTableStatement.describe(worker)));
            }
        });
        return locks;
    }

    /** The work an action did as far as the event shows it: rewrites on record, scans not proved unnecessary. */
    static TableWork done(AlterTableEvent alter, AlterSubcommand subcommand) {
        if (subcommand.is(AlterKind.SET_NOT_NULL) && subcommand.name() != null
                && NotNullProof.proves(alter.table().snapshot(), subcommand.name())) {
            return TableWork.NONE;
        }
        if (subcommand.work() == TableWork.MAY_REWRITE) {
            return alter.rewriteReasons().isPresent() ? TableWork.REWRITE : TableWork.NONE;
        }
        return subcommand.work();
    }

    private static Optional<TableLock> createIndex(SchemaChangeEvent event) {
        if (event.getStatement() == null || event.getObjectIdentity() == null) {
            return Optional.empty();
        }
        String index = Names.unqualified(event.getObjectIdentity());
        List<CreateIndex> creates = IndexStatements.creates(event.getStatement());
        Optional<CreateIndex> create = creates.stream().filter(c -> index.equals(c.name())).findFirst()
                .or(() -> creates.stream().filter(c -> c.name() == null).findFirst());
        if (!creates.isEmpty() && create.isEmpty()) {
            return Optional.empty(); // the text does not show which statement built it
        }
        List<String> parts = Names.parts(event.getObjectIdentity());
        Optional<TableSnapshot> table = EventTables.withIndex(event, parts.size() > 1 ? parts.get(0) : null, index)
                .or(() -> EventTables.single(event));
        boolean concurrently = create.map(CreateIndex::concurrently).orElse(false);
        boolean only = create.map(CreateIndex::only).orElse(false);
        String command = "CREATE INDEX " + (concurrently ? "CONCURRENTLY " : "") + index;
        return table.map(snapshot -> new TableLock(LockedTable.of(snapshot),
                concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE, command,
                only ? TableWork.NONE : TableWork.SCAN, command));
    }

    /** REINDEX holds SHARE on the table (SHARE UPDATE EXCLUSIVE when CONCURRENTLY) while it rebuilds. */
    private static List<TableLock> reindex(SchemaChangeEvent event) {
        boolean concurrently = ReindexStatements.of(event.getStatement()).stream()
                .anyMatch(ReindexStatements.Reindex::concurrently);
        LockLevel lock = concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE;
        String command = concurrently ? "REINDEX CONCURRENTLY" : "REINDEX";
        return event.getTables().stream()
                .map(snapshot -> new TableLock(LockedTable.of(snapshot), lock, command, TableWork.SCAN, command))
                .toList();
    }
}
