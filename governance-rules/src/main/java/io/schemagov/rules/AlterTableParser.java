package io.schemagov.rules;

import io.schemagov.rules.AlterSubcommand.Flag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads ALTER TABLE statements into their actions following PostgreSQL 17's grammar, leaving column and
 * constraint actions to {@link AlterColumnParser} and {@link AlterConstraintParser}.
 */
final class AlterTableParser {

    /** Storage parameters whose change takes SHARE UPDATE EXCLUSIVE; any other (user_catalog_table) takes more. */
    private static final Set<String> LIGHT_PARAMETERS = Set.of("fillfactor", "toast_tuple_target",
            "parallel_workers", "vacuum_index_cleanup", "vacuum_truncate", "log_autovacuum_min_duration");

    private AlterTableParser() {
    }

    /** Every ALTER TABLE statement of the text, in order. */
    static List<AlterTableStatement> statements(String sql) {
        List<List<SqlToken>> all = SqlScanner.statements(sql);
        List<AlterTableStatement> statements = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            parse(all.get(i), i).ifPresent(statements::add);
        }
        return statements;
    }

    /** The statement read from its tokens, or empty when it is not an ALTER TABLE. */
    static Optional<AlterTableStatement> parse(List<SqlToken> tokens, int position) {
        TokenCursor cursor = new TokenCursor(tokens);
        if (!cursor.take("ALTER", "TABLE")) {
            return Optional.empty();
        }
        if (cursor.take("ALL", "IN", "TABLESPACE")) {
            String label = "ALL IN TABLESPACE ... SET TABLESPACE";
            return Optional.of(new AlterTableStatement(position, null, null,
                    List.of(AlterSubcommand.simple(AlterKind.SET_TABLESPACE, null, label))));
        }
        cursor.skipIfExists();
        cursor.take("ONLY");
        List<String> name = cursor.qualifiedName();
        cursor.takeSymbol("*");
        String table = name.isEmpty() ? null : name.get(name.size() - 1);
        String schema = name.size() > 1 ? name.get(name.size() - 2) : null;
        List<AlterSubcommand> subcommands = new ArrayList<>();
        for (List<SqlToken> action : TokenCursor.split(cursor.rest(), ",")) {
            subcommands.add(action(action));
        }
        return Optional.of(new AlterTableStatement(position, schema, table, subcommands));
    }

    /** One action of the list (or the single action of a statement form). */
    static AlterSubcommand action(List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens);
        if (cursor.peekIs("ADD") || cursor.peekIs("ALTER") && !cursor.peekIs(1, "CONSTRAINT")) {
            return addOrAlter(cursor);
        }
        if (cursor.take("DROP")) {
            return drop(cursor);
        }
        if (cursor.take("ALTER", "CONSTRAINT")) {
            String name = cursor.name();
            return AlterSubcommand.simple(AlterKind.ALTER_CONSTRAINT, name, "ALTER CONSTRAINT " + name);
        }
        if (cursor.take("VALIDATE", "CONSTRAINT")) {
            String name = cursor.name();
            return AlterSubcommand.simple(AlterKind.VALIDATE_CONSTRAINT, name, "VALIDATE CONSTRAINT " + name);
        }
        String label = TokenText.keywords(tokens); // only the forms below are labelled by their own words
        if (cursor.peekIs("ENABLE") || cursor.peekIs("DISABLE") || cursor.peekIs("FORCE")
                || cursor.peekIs("NO") && cursor.peekIs(1, "FORCE")) {
            return enableOrDisable(cursor, label);
        }
        if (cursor.take("SET") || cursor.peekIs("RESET")) {
            return set(cursor, label);
        }
        if (cursor.take("RENAME")) {
            return rename(cursor, label);
        }
        if (cursor.take("ATTACH", "PARTITION") || cursor.take("DETACH", "PARTITION")) {
            return partition(tokens.get(0).is("ATTACH"), cursor);
        }
        return AlterSubcommand.simple(otherKind(cursor), null, label);
    }

    private static AlterSubcommand addOrAlter(TokenCursor cursor) {
        boolean add = cursor.take("ADD");
        if (!add) {
            cursor.take("ALTER");
            cursor.take("COLUMN");
            return AlterColumnParser.alterColumn(cursor);
        }
        if (cursor.take("COLUMN")) {
            return AlterColumnParser.addColumn(cursor);
        }
        if (AlterConstraintParser.startsConstraint(cursor)) {
            return AlterConstraintParser.addConstraint(cursor);
        }
        return AlterColumnParser.addColumn(cursor);
    }

    private static AlterSubcommand drop(TokenCursor cursor) {
        if (cursor.take("CONSTRAINT")) {
            cursor.skipIfExists();
            String name = cursor.name();
            return AlterSubcommand.simple(AlterKind.DROP_CONSTRAINT, name, "DROP CONSTRAINT " + name);
        }
        cursor.take("COLUMN");
        cursor.skipIfExists();
        String name = cursor.name();
        return AlterSubcommand.simple(AlterKind.DROP_COLUMN, name, "DROP COLUMN " + name);
    }

    private static AlterSubcommand enableOrDisable(TokenCursor cursor, String label) {
        boolean enable = cursor.take("ENABLE");
        cursor.take("DISABLE");
        cursor.take("REPLICA");
        cursor.take("ALWAYS");
        if (cursor.take("TRIGGER")) {
            String name = cursor.name();
            return AlterSubcommand.simple(enable ? AlterKind.ENABLE_TRIGGER : AlterKind.DISABLE_TRIGGER, name,
                    (enable ? "ENABLE" : "DISABLE") + " TRIGGER " + name);
        }
        if (cursor.take("RULE")) {
            String name = cursor.name();
            return AlterSubcommand.simple(enable ? AlterKind.ENABLE_RULE : AlterKind.DISABLE_RULE, name,
                    (enable ? "ENABLE" : "DISABLE") + " RULE " + name);
        }
        // ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY
        return AlterSubcommand.simple(AlterKind.ROW_LEVEL_SECURITY, null, label);
    }

    private static AlterSubcommand set(TokenCursor cursor, String label) {
        if (cursor.take("RESET")) {
            return storageParameters(AlterKind.RESET_STORAGE_PARAMETERS, cursor, label);
        }
        if (cursor.peekSymbol("(")) {
            return storageParameters(AlterKind.SET_STORAGE_PARAMETERS, cursor, label);
        }
        AlterKind kind;
        if (cursor.take("WITHOUT", "CLUSTER")) {
            kind = AlterKind.SET_WITHOUT_CLUSTER;
        } else if (cursor.take("WITHOUT", "OIDS")) {
            kind = AlterKind.SET_WITHOUT_OIDS;
        } else if (cursor.take("ACCESS", "METHOD")) {
            kind = AlterKind.SET_ACCESS_METHOD;
        } else if (cursor.take("TABLESPACE")) {
            kind = AlterKind.SET_TABLESPACE;
        } else if (cursor.take("LOGGED")) {
            kind = AlterKind.SET_LOGGED;
        } else if (cursor.take("UNLOGGED")) {
            kind = AlterKind.SET_UNLOGGED;
        } else if (cursor.take("SCHEMA")) {
            String schema = cursor.name();
            return new AlterSubcommand(AlterKind.SET_SCHEMA, AlterKind.SET_SCHEMA.lock(), TableWork.NONE, null,
                    schema, null, Set.of(), null, null, null, label);
        } else {
            kind = AlterKind.OTHER;
        }
        return AlterSubcommand.simple(kind, null, label);
    }

    /** The lock is the strongest any listed parameter needs (PostgreSQL's AlterTableGetRelOptionsLockLevel). */
    private static AlterSubcommand storageParameters(AlterKind kind, TokenCursor cursor, String label) {
        List<SqlToken> group = cursor.group();
        LockLevel lock = LockLevel.SHARE_UPDATE_EXCLUSIVE;
        for (List<SqlToken> parameter : TokenCursor.split(group, ",")) {
            if (!isLightParameter(parameter)) {
                lock = LockLevel.ACCESS_EXCLUSIVE;
            }
        }
        return new AlterSubcommand(kind, group.isEmpty() ? LockLevel.ACCESS_EXCLUSIVE : lock, TableWork.NONE, null,
                null, null, Set.of(), null, null, null, label);
    }

    private static boolean isLightParameter(List<SqlToken> parameter) {
        String first = parameter.get(0).text().toLowerCase(Locale.ROOT);
        boolean toast = first.equals("toast") && parameter.size() > 1 && parameter.get(1).isSymbol(".");
        return toast || first.startsWith("autovacuum_") || LIGHT_PARAMETERS.contains(first);
    }

    private static AlterSubcommand rename(TokenCursor cursor, String label) {
        if (cursor.take("TO")) {
            return new AlterSubcommand(AlterKind.RENAME_TABLE, AlterKind.RENAME_TABLE.lock(), TableWork.NONE, null,
                    cursor.name(), null, Set.of(), null, null, null, label);
        }
        AlterKind kind = cursor.take("CONSTRAINT") ? AlterKind.RENAME_CONSTRAINT : AlterKind.RENAME_COLUMN;
        cursor.take("COLUMN");
        String from = cursor.name();
        cursor.take("TO");
        String to = cursor.name();
        String words = kind == AlterKind.RENAME_CONSTRAINT ? "RENAME CONSTRAINT " : "RENAME COLUMN ";
        return new AlterSubcommand(kind, kind.lock(), TableWork.NONE, from, to, null, Set.of(), null, null, null,
                words + from + " TO " + to);
    }

    private static AlterSubcommand partition(boolean attach, TokenCursor cursor) {
        List<String> partition = cursor.qualifiedName();
        String name = partition.isEmpty() ? null : String.join(".", partition);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (attach) {
            return new AlterSubcommand(AlterKind.ATTACH_PARTITION, LockLevel.SHARE_UPDATE_EXCLUSIVE, TableWork.NONE,
                    name, null, null, flags, null, name, LockLevel.ACCESS_EXCLUSIVE, "ATTACH PARTITION " + name);
        }
        String suffix = "";
        if (cursor.take("CONCURRENTLY")) {
            flags.add(Flag.CONCURRENTLY);
            suffix = " CONCURRENTLY";
        } else if (cursor.take("FINALIZE")) {
            flags.add(Flag.FINALIZE);
            suffix = " FINALIZE";
        }
        LockLevel lock = flags.isEmpty() ? LockLevel.ACCESS_EXCLUSIVE : LockLevel.SHARE_UPDATE_EXCLUSIVE;
        return new AlterSubcommand(AlterKind.DETACH_PARTITION, lock, TableWork.NONE, name, null, null, flags, null,
                name, LockLevel.ACCESS_EXCLUSIVE, "DETACH PARTITION " + name + suffix);
    }

    private static AlterKind otherKind(TokenCursor cursor) {
        if (cursor.take("CLUSTER", "ON")) {
            return AlterKind.CLUSTER_ON;
        }
        if (cursor.take("INHERIT")) {
            return AlterKind.INHERIT;
        }
        if (cursor.take("NO", "INHERIT")) {
            return AlterKind.NO_INHERIT;
        }
        if (cursor.take("OF")) {
            return AlterKind.OF_TYPE;
        }
        if (cursor.take("NOT", "OF")) {
            return AlterKind.NOT_OF_TYPE;
        }
        if (cursor.take("OWNER", "TO")) {
            return AlterKind.OWNER_TO;
        }
        return cursor.take("REPLICA", "IDENTITY") ? AlterKind.REPLICA_IDENTITY : AlterKind.OTHER;
    }
}
