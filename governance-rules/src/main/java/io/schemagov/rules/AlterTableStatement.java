package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.Comparator;
import java.util.List;

/**
 * One ALTER TABLE statement of a statement text, read into its actions.
 *
 * @param position the statement's index among all statements of the text, so that its neighbours can be found
 * @param schema   the schema as written, or null when the name was not qualified
 * @param table    the table as written; null for ALTER TABLE ALL IN TABLESPACE
 */
record AlterTableStatement(int position, String schema, String table, List<AlterSubcommand> subcommands) {

    AlterTableStatement {
        subcommands = List.copyOf(subcommands);
    }

    /**
     * The lock the statement holds on the table: PostgreSQL takes the strongest lock any of its actions needs
     * before running any of them, and keeps it to the end of the transaction.
     */
    LockLevel lock() {
        if (subcommands.isEmpty()) {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
        LockLevel lock = subcommands.get(0).lock();
        for (int i = 1; i < subcommands.size(); i++) { // a loop: a dozen lock rules ask for it per action
            lock = LockLevel.strongest(lock, subcommands.get(i).lock());
        }
        return lock;
    }

    /** The action that needs the statement's lock: the first of the strongest. */
    AlterSubcommand strongest() {
        return subcommands.stream().max(Comparator.comparing(AlterSubcommand::lock)
                .thenComparing(Comparator.comparingInt(subcommands::indexOf).reversed())).orElseThrow();
    }

    /** Whether the statement altered this table, following a RENAME TO or SET SCHEMA it made. */
    boolean alters(TableSnapshot snapshot) {
        String name = table;
        String inSchema = schema;
        for (AlterSubcommand subcommand : subcommands) {
            if (subcommand.is(AlterKind.RENAME_TABLE)) {
                name = subcommand.newName();
            } else if (subcommand.is(AlterKind.SET_SCHEMA)) {
                inSchema = subcommand.newName();
            }
        }
        return name != null && name.equals(snapshot.getTableName())
                && (inSchema == null || inSchema.equals(snapshot.getSchemaName()));
    }

    /** e.g. {@code ALTER TABLE ... ADD CONSTRAINT orders_customer_fk}: the table is named elsewhere in messages. */
    static String describe(AlterSubcommand subcommand) {
        return "ALTER TABLE ... " + subcommand.label();
    }
}
