package io.schemagov.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds the REINDEX statements of SQL text and whether each runs CONCURRENTLY. */
final class ReindexStatements {

    /**
     * One REINDEX statement.
     *
     * @param target INDEX, TABLE, SCHEMA, DATABASE or SYSTEM
     * @param name   the unqualified name of what is reindexed, or null (REINDEX DATABASE may omit it)
     */
    record Reindex(String target, String name, boolean concurrently) {
    }

    private ReindexStatements() {
    }

    static List<Reindex> of(String sql) {
        List<Reindex> reindexes = new ArrayList<>();
        for (List<SqlToken> statement : SqlScanner.statements(sql)) {
            TokenCursor cursor = new TokenCursor(statement);
            if (cursor.take("REINDEX")) {
                reindexes.add(read(cursor));
            }
        }
        return reindexes;
    }

    /** REINDEX [(option [, ...])] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] [name] */
    private static Reindex read(TokenCursor cursor) {
        boolean concurrently = false;
        for (List<SqlToken> option : TokenCursor.split(cursor.group(), ",")) {
            // The option form (PostgreSQL 14+): CONCURRENTLY [boolean]
            if (option.get(0).is("CONCURRENTLY")) {
                concurrently = option.size() == 1 || isTrue(option.get(1));
            }
        }
        String target = cursor.name();
        concurrently |= cursor.take("CONCURRENTLY");
        List<String> name = cursor.qualifiedName();
        return new Reindex(target == null ? null : target.toUpperCase(Locale.ROOT),
                name.isEmpty() ? null : name.get(name.size() - 1), concurrently);
    }

    private static boolean isTrue(SqlToken value) {
        return !(value.is("false") || value.is("off") || value.text().equals("0"));
    }
}
