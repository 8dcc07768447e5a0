package io.schemagov.ingest.binlog;

import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a MariaDB/MySQL table's primary key, unique, foreign key and check constraints from information_schema. */
final class MariaDbConstraints {

    private MariaDbConstraints() {
    }

    static List<ConstraintSnapshot> read(Connection connection, String schema, String table) throws SQLException {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, "
                + "k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, "
                + "rc.UPDATE_RULE, rc.DELETE_RULE, rcol.COLUMN_TYPE "
                + "FROM information_schema.TABLE_CONSTRAINTS tc "
                + "LEFT JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
                + " AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                + "LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
                + " AND rc.TABLE_NAME = tc.TABLE_NAME AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                + "LEFT JOIN information_schema.COLUMNS rcol ON rcol.TABLE_SCHEMA = k.REFERENCED_TABLE_SCHEMA "
                + " AND rcol.TABLE_NAME = k.REFERENCED_TABLE_NAME AND rcol.COLUMN_NAME = k.REFERENCED_COLUMN_NAME "
                + "WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? "
                + "ORDER BY tc.CONSTRAINT_TYPE = 'PRIMARY KEY' DESC, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Draft draft = drafts.computeIfAbsent(rs.getString(1), name -> new Draft(name));
                    draft.type = type(rs.getString(2));
                    if (rs.getString(3) != null) {
                        draft.columns.add(rs.getString(3));
                    }
                    if (rs.getString(5) != null) {
                        draft.referencedTable = rs.getString(4) + "." + rs.getString(5);
                        draft.referencedColumns.add(rs.getString(6));
                        draft.referencedTypes.add(rs.getString(9) == null ? "" : rs.getString(9));
                        draft.actions = " ON DELETE " + rs.getString(8) + " ON UPDATE " + rs.getString(7);
                    }
                }
            }
        }
        Map<String, String> checks = checks(connection, schema, table);
        List<ConstraintSnapshot> constraints = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            constraints.add(draft.build(checks.get(draft.name)));
        }
        return constraints;
    }

    private static Map<String, String> checks(Connection connection, String schema, String table) throws SQLException {
        Map<String, String> checks = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT CONSTRAINT_NAME, CHECK_CLAUSE "
                + "FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    checks.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            // MySQL's CHECK_CONSTRAINTS has no TABLE_NAME: the checks stay without their clause there.
            return checks;
        }
        return checks;
    }

    private static ConstraintType type(String type) {
        return switch (type) {
            case "PRIMARY KEY" -> ConstraintType.PRIMARY_KEY;
            case "FOREIGN KEY" -> ConstraintType.FOREIGN_KEY;
            case "UNIQUE" -> ConstraintType.UNIQUE;
            case "CHECK" -> ConstraintType.CHECK;
            default -> ConstraintType.OTHER;
        };
    }

    private static final class Draft {
        final String name;
        ConstraintType type = ConstraintType.OTHER;
        final List<String> columns = new ArrayList<>();
        String referencedTable;
        final List<String> referencedColumns = new ArrayList<>();
        final List<String> referencedTypes = new ArrayList<>();
        String actions = "";

        Draft(String name) {
            this.name = name;
        }

        ConstraintSnapshot build(String checkClause) {
            String columnList = "(" + String.join(", ", columns.stream().map(c -> "`" + c + "`").toList()) + ")";
            String definition = switch (type) {
                case PRIMARY_KEY -> "PRIMARY KEY " + columnList;
                case UNIQUE -> "UNIQUE " + columnList;
                case FOREIGN_KEY -> "FOREIGN KEY " + columnList + " REFERENCES " + referencedTable + " ("
                        + String.join(", ", referencedColumns) + ")" + actions;
                case CHECK -> "CHECK (" + (checkClause == null ? "" : checkClause) + ")";
                default -> name;
            };
            return new ConstraintSnapshot(name, type, definition, true, List.copyOf(columns), referencedTable,
                    List.copyOf(referencedColumns), List.copyOf(referencedTypes));
        }
    }
}
