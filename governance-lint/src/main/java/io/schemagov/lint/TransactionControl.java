package io.schemagov.lint;

/** The transaction control statements that open or close a transaction block. */
enum TransactionControl {
    BEGIN, COMMIT, ROLLBACK, COMMIT_AND_CHAIN, ROLLBACK_AND_CHAIN, NONE;

    /**
     * BEGIN and START TRANSACTION open a block; COMMIT, END, PREPARE TRANSACTION, ROLLBACK and ABORT close it
     * (AND CHAIN opens the next at once). ROLLBACK TO SAVEPOINT and COMMIT/ROLLBACK PREPARED leave it as it is.
     */
    static TransactionControl of(Words words) {
        String verb = words.upper(0);
        switch (verb) {
            case "BEGIN":
                return BEGIN;
            case "START":
                return words.upper(1).equals("TRANSACTION") ? BEGIN : NONE;
            case "PREPARE":
                return words.upper(1).equals("TRANSACTION") ? COMMIT : NONE;
            case "COMMIT", "END":
                return words.upper(1).equals("PREPARED") ? NONE : chained(words) ? COMMIT_AND_CHAIN : COMMIT;
            case "ROLLBACK", "ABORT":
                if (words.upper(1).equals("PREPARED") || words.upper(words.skip(1, "WORK")).equals("TO")
                        || words.upper(words.skip(1, "TRANSACTION")).equals("TO")) {
                    return NONE;
                }
                return chained(words) ? ROLLBACK_AND_CHAIN : ROLLBACK;
            default:
                return NONE;
        }
    }

    /** ... AND CHAIN, not ... AND NO CHAIN. */
    private static boolean chained(Words words) {
        for (int i = 1; i < 4; i++) {
            if (words.startsWith(i, "AND", "CHAIN")) {
                return true;
            }
        }
        return false;
    }
}
