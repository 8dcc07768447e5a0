package io.schemagov.rules;

import java.util.ArrayList;
import java.util.List;

/** Finds the CREATE INDEX and DROP INDEX statements in SQL text and reads the parts the index rules need. */
final class IndexStatements {

    /**
     * One CREATE INDEX statement.
     *
     * @param name  the index name as written, or null when PostgreSQL chose it
     * @param table the table's unqualified name, or null when it could not be read
     * @param only  ON ONLY: on a partitioned table this builds nothing, it only creates an invalid parent index
     */
    record CreateIndex(String name, String table, boolean concurrently, boolean only) {
    }

    /** One DROP INDEX statement with the unqualified names of the indexes it drops. */
    record DropIndex(List<String> names, boolean concurrently) {
    }

    private IndexStatements() {
    }

    static List<CreateIndex> creates(String sql) {
        List<CreateIndex> creates = new ArrayList<>();
        for (List<SqlToken> statement : SqlScanner.statements(sql)) {
            TokenCursor cursor = new TokenCursor(statement);
            if (startsCreateIndex(cursor)) {
                creates.add(readCreate(cursor));
            }
        }
        return creates;
    }

    static List<DropIndex> drops(String sql) {
        List<DropIndex> drops = new ArrayList<>();
        for (List<SqlToken> statement : SqlScanner.statements(sql)) {
            TokenCursor cursor = new TokenCursor(statement);
            if (cursor.take("DROP") && cursor.take("INDEX")) {
                drops.add(readDrop(cursor));
            }
        }
        return drops;
    }

    private static boolean startsCreateIndex(TokenCursor cursor) {
        if (!cursor.take("CREATE")) {
            return false;
        }
        cursor.take("UNIQUE");
        return cursor.take("INDEX");
    }

    /** CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table ... */
    private static CreateIndex readCreate(TokenCursor cursor) {
        boolean concurrently = cursor.take("CONCURRENTLY");
        if (cursor.take("IF")) {
            cursor.take("NOT");
            cursor.take("EXISTS");
        }
        String name = cursor.peekIs("ON") ? null : cursor.name();
        String table = null;
        boolean only = false;
        if (cursor.take("ON")) {
            only = cursor.take("ONLY");
            table = ownName(cursor);
        }
        return new CreateIndex(name, table, concurrently, only);
    }

    /** DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT] */
    private static DropIndex readDrop(TokenCursor cursor) {
        boolean concurrently = cursor.take("CONCURRENTLY");
        if (cursor.take("IF")) {
            cursor.take("EXISTS");
        }
        List<String> names = new ArrayList<>();
        do {
            String name = ownName(cursor);
            if (name != null) {
                names.add(name);
            }
        } while (cursor.takeSymbol(","));
        return new DropIndex(List.copyOf(names), concurrently);
    }

    /** Reads {@code a.b.c} and returns its last part, the object's own name; null when no name comes next. */
    private static String ownName(TokenCursor cursor) {
        List<String> parts = cursor.qualifiedName();
        return parts.isEmpty() ? null : parts.get(parts.size() - 1);
    }
}
