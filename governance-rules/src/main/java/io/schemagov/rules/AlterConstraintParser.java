package io.schemagov.rules;

import io.schemagov.model.ConstraintType;
import io.schemagov.rules.AlterSubcommand.Flag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads ADD table_constraint and ADD table_constraint_using_index, the forms whose cost varies most. */
final class AlterConstraintParser {

    private AlterConstraintParser() {
    }

    /** Whether the words after ADD start a table constraint rather than a column definition. */
    static boolean startsConstraint(TokenCursor cursor) {
        return cursor.peekIs("CONSTRAINT") || cursor.peekIs("CHECK") || cursor.peekIs("UNIQUE")
                || cursor.peekIs("PRIMARY") || cursor.peekIs("FOREIGN") || cursor.peekIs("EXCLUDE");
    }

    /**
     * The cursor just after ADD. A FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables, every other constraint
     * ACCESS EXCLUSIVE; FOREIGN KEY and CHECK scan the table unless NOT VALID, UNIQUE, PRIMARY KEY and EXCLUDE
     * build an index (reading every row) unless USING INDEX adopts an existing one.
     */
    static AlterSubcommand addConstraint(TokenCursor cursor) {
        boolean notValid = TokenCursor.containsAtTopLevel(cursor.rest(), "NOT", "VALID");
        String name = cursor.take("CONSTRAINT") ? cursor.name() : null;
        ConstraintType type = type(cursor);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (notValid) {
            flags.add(Flag.NOT_VALID);
        }
        String index = null;
        List<String> columns = List.of();
        if (type == ConstraintType.UNIQUE || type == ConstraintType.PRIMARY_KEY) {
            if (cursor.take("USING", "INDEX")) {
                flags.add(Flag.USING_INDEX);
                index = cursor.name();
            } else {
                columns = columns(cursor.group());
            }
        } else if (type == ConstraintType.FOREIGN_KEY) {
            columns = columns(cursor.group());
        }
        String referenced = null;
        if (type == ConstraintType.FOREIGN_KEY && cursor.take("REFERENCES")) {
            referenced = String.join(".", cursor.qualifiedName());
        }
        boolean checked = !flags.contains(Flag.NOT_VALID) && !flags.contains(Flag.USING_INDEX);
        LockLevel lock = type == ConstraintType.FOREIGN_KEY ? LockLevel.SHARE_ROW_EXCLUSIVE
                : LockLevel.ACCESS_EXCLUSIVE;
        String label = name != null ? "ADD CONSTRAINT " + name : "ADD " + words(type)
                + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")")
                + (index == null ? "" : " USING INDEX " + index);
        return new AlterSubcommand(AlterKind.ADD_CONSTRAINT, lock, checked ? TableWork.SCAN : TableWork.NONE,
                name != null ? name : index, null, type, flags, null, referenced,
                referenced == null ? null : LockLevel.SHARE_ROW_EXCLUSIVE, label);
    }

    private static ConstraintType type(TokenCursor cursor) {
        if (cursor.take("CHECK")) {
            return ConstraintType.CHECK;
        }
        if (cursor.take("UNIQUE")) {
            if (!cursor.take("NULLS", "NOT", "DISTINCT")) {
                cursor.take("NULLS", "DISTINCT");
            }
            return ConstraintType.UNIQUE;
        }
        if (cursor.take("PRIMARY", "KEY")) {
            return ConstraintType.PRIMARY_KEY;
        }
        if (cursor.take("FOREIGN", "KEY")) {
            return ConstraintType.FOREIGN_KEY;
        }
        if (cursor.take("EXCLUDE")) {
            return ConstraintType.EXCLUSION;
        }
        return cursor.take("NOT", "NULL") ? ConstraintType.NOT_NULL : ConstraintType.OTHER;
    }

    /** How the constraint type is written in SQL. */
    static String words(ConstraintType type) {
        switch (type) {
            case PRIMARY_KEY:
                return "PRIMARY KEY";
            case FOREIGN_KEY:
                return "FOREIGN KEY";
            case EXCLUSION:
                return "EXCLUDE";
            case NOT_NULL:
                return "NOT NULL";
            default:
                return type.name();
        }
    }

    /** The first name of each comma-separated element: the column of a key list. */
    private static List<String> columns(List<SqlToken> group) {
        List<String> columns = new ArrayList<>();
        for (List<SqlToken> element : TokenCursor.split(group, ",")) {
            if (element.get(0).isName()) {
                columns.add(element.get(0).name());
            }
        }
        return columns;
    }
}
