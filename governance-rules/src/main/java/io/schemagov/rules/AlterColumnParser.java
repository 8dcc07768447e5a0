package io.schemagov.rules;

import io.schemagov.rules.AlterSubcommand.Flag;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the column actions of ALTER TABLE: ADD COLUMN with its definition, and the ALTER COLUMN forms. */
final class AlterColumnParser {

    /** The words that end a column's type and start its constraints (PostgreSQL's ColQualList). */
    private static final Keywords CONSTRAINT_STARTS = Keywords.of("CONSTRAINT", "NOT", "NULL", "CHECK", "DEFAULT",
            "GENERATED", "UNIQUE", "PRIMARY", "REFERENCES", "COLLATE", "DEFERRABLE", "INITIALLY", "COMPRESSION",
            "STORAGE");

    /** serial is not a type but a shorthand for an integer column filled from a new sequence. */
    private static final Set<String> SERIAL_TYPES = Set.of("serial", "serial4", "bigserial", "serial8",
            "smallserial", "serial2");

    private AlterColumnParser() {
    }

    /** ADD [COLUMN] [IF NOT EXISTS] name type [constraints], the cursor just after ADD [COLUMN]. */
    static AlterSubcommand addColumn(TokenCursor cursor) {
        cursor.skipIfExists();
        String column = cursor.name();
        List<SqlToken> rest = cursor.rest();
        int typeEnd = 0;
        for (int depth = 0; typeEnd < rest.size(); typeEnd++) {
            SqlToken token = rest.get(typeEnd);
            if (depth == 0 && isConstraintStart(token)) {
                break;
            }
            depth += TokenCursor.depth(token);
        }
        List<SqlToken> type = rest.subList(0, typeEnd);
        AlterColumnDefinition definition = AlterColumnDefinition.read(rest.subList(typeEnd, rest.size()));
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(definition.flags());
        if (type.size() == 1 && SERIAL_TYPES.contains(type.get(0).text().toLowerCase(Locale.ROOT))) {
            flags.add(Flag.SERIAL);
        }
        String label = "ADD COLUMN " + column + (type.isEmpty() ? "" : " " + TokenText.of(type));
        String referenced = definition.referencedTable();
        return new AlterSubcommand(AlterKind.ADD_COLUMN, LockLevel.ACCESS_EXCLUSIVE,
                work(flags, definition.volatility()), column, null, null, flags, definition.expression(), referenced,
                referenced == null ? null : LockLevel.SHARE_ROW_EXCLUSIVE, label);
    }

    /**
     * Values computed per row are written into every row: a rewrite. Constraints declared with the column are
     * checked (or, for UNIQUE and PRIMARY KEY, indexed) by reading every row.
     */
    private static TableWork work(Set<Flag> flags, DefaultVolatility volatility) {
        if (flags.contains(Flag.IDENTITY) || flags.contains(Flag.SERIAL) || flags.contains(Flag.GENERATED_STORED)
                || flags.contains(Flag.VOLATILE_DEFAULT)) {
            return TableWork.REWRITE;
        }
        if (flags.contains(Flag.DEFAULT) && volatility == DefaultVolatility.UNKNOWN) {
            return TableWork.MAY_REWRITE;
        }
        boolean checked = flags.contains(Flag.INLINE_CHECK) || flags.contains(Flag.INLINE_REFERENCES)
                || flags.contains(Flag.INLINE_UNIQUE) || flags.contains(Flag.INLINE_PRIMARY_KEY)
                || flags.contains(Flag.NOT_NULL) && !flags.contains(Flag.DEFAULT);
        return checked ? TableWork.SCAN : TableWork.NONE;
    }

    /** ALTER [COLUMN] name ..., the cursor just after ALTER [COLUMN]. */
    static AlterSubcommand alterColumn(TokenCursor cursor) {
        String column = cursor.name();
        String prefix = "ALTER COLUMN " + column + " ";
        if (cursor.take("SET", "DATA", "TYPE") || cursor.take("TYPE")) {
            List<SqlToken> rest = cursor.rest();
            int end = 0;
            while (end < rest.size() && !rest.get(end).is("COLLATE") && !rest.get(end).is("USING")) {
                end++;
            }
            String type = TokenText.of(rest.subList(0, end));
            return new AlterSubcommand(AlterKind.ALTER_COLUMN_TYPE, LockLevel.ACCESS_EXCLUSIVE,
                    TableWork.MAY_REWRITE, column, null, null, Set.of(), type, null, null, prefix + "TYPE " + type);
        }
        AlterKind kind = alterKind(cursor);
        return AlterSubcommand.simple(kind, column, prefix + words(kind));
    }

    /** How each ALTER COLUMN form is written, for labels that read the same however the statement was typed. */
    private static String words(AlterKind kind) {
        switch (kind) {
            case SET_ATTRIBUTE_OPTIONS:
                return "SET (...)";
            case SET_IDENTITY:
                return "SET identity options";
            case ADD_IDENTITY:
                return "ADD GENERATED AS IDENTITY";
            case OTHER:
                return "...";
            default:
                return kind.name().replace('_', ' ');
        }
    }

    private static AlterKind alterKind(TokenCursor cursor) {
        if (cursor.take("SET", "DEFAULT")) {
            return AlterKind.SET_DEFAULT;
        }
        if (cursor.take("DROP", "DEFAULT")) {
            return AlterKind.DROP_DEFAULT;
        }
        if (cursor.take("SET", "NOT", "NULL")) {
            return AlterKind.SET_NOT_NULL;
        }
        if (cursor.take("DROP", "NOT", "NULL")) {
            return AlterKind.DROP_NOT_NULL;
        }
        if (cursor.take("SET", "EXPRESSION")) {
            return AlterKind.SET_EXPRESSION;
        }
        if (cursor.take("DROP", "EXPRESSION")) {
            return AlterKind.DROP_EXPRESSION;
        }
        if (cursor.take("ADD", "GENERATED")) {
            return AlterKind.ADD_IDENTITY;
        }
        if (cursor.take("DROP", "IDENTITY")) {
            return AlterKind.DROP_IDENTITY;
        }
        return setKind(cursor);
    }

    private static AlterKind setKind(TokenCursor cursor) {
        if (cursor.take("SET", "STATISTICS")) {
            return AlterKind.SET_STATISTICS;
        }
        if (cursor.take("SET", "STORAGE")) {
            return AlterKind.SET_STORAGE;
        }
        if (cursor.take("SET", "COMPRESSION")) {
            return AlterKind.SET_COMPRESSION;
        }
        if (cursor.take("RESET")) {
            return AlterKind.SET_ATTRIBUTE_OPTIONS;
        }
        if (cursor.take("RESTART")) {
            return AlterKind.SET_IDENTITY;
        }
        if (cursor.take("SET")) {
            // The remaining SET forms are SET ( attribute_option ... ) and the identity's SET GENERATED and
            // sequence options (SET INCREMENT BY, ...).
            return cursor.peekSymbol("(") ? AlterKind.SET_ATTRIBUTE_OPTIONS : AlterKind.SET_IDENTITY;
        }
        return AlterKind.OTHER;
    }

    static boolean isConstraintStart(SqlToken token) {
        return token.kind() == SqlToken.Kind.WORD && CONSTRAINT_STARTS.contains(token.text());
    }
}
