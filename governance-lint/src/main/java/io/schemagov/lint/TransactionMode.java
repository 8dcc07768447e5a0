package io.schemagov.lint;

import java.util.Locale;

/** Where the lint takes a migration file's transaction blocks from. */
enum TransactionMode {
    /** Only the file's own BEGIN / START TRANSACTION ... COMMIT / END / ROLLBACK open and close blocks. */
    EXPLICIT,
    /** The runner wraps each file in one transaction, as Flyway, Liquibase and Rails do by default. */
    PER_FILE;

    /** {@code explicit} or {@code per-file}; null for anything else. */
    static TransactionMode parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "explicit" -> EXPLICIT;
            case "per-file" -> PER_FILE;
            default -> null;
        };
    }
}
