package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.Optional;

/** Flags ALGORITHM=COPY: the table is copied row by row while writes wait. */
final class MysqlAlgorithmCopyRule extends MysqlChangeRule {

    static final String ID = "mysql-algorithm-copy";

    private static final RuleInfo INFO = new RuleInfo(ID, "ALGORITHM=COPY (offline DDL)", Severity.MEDIUM,
            RuleScope.CHANGE,
            "ALGORITHM=COPY makes MariaDB/MySQL build a new copy of the table and copy every row into it; "
                    + "concurrent writes are blocked for the whole copy (reads too on MariaDB before 10.8 and "
                    + "in LOCK=EXCLUSIVE), the copy needs as much free disk as the table, and on a replica it "
                    + "runs again and stalls replication for as long.",
            "Let the server choose the cheapest algorithm, or ask for ALGORITHM=INSTANT or ALGORITHM=INPLACE, "
                    + "LOCK=NONE explicitly so that the statement fails instead of copying; when a copy cannot be "
                    + "avoided on a large table, run it with an online schema change tool (gh-ost, "
                    + "pt-online-schema-change).",
            "ALTER TABLE orders ADD COLUMN note varchar(200), ALGORITHM=COPY;",
            "ALTER TABLE orders ADD COLUMN note varchar(200), ALGORITHM=INSTANT;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Optional<String> problem(String statement, TableSnapshot table, RuleSettings settings) {
        if (!statement.matches(".*\\bALGORITHM ?= ?COPY\\b.*")) {
            return Optional.empty();
        }
        return Optional.of("ALGORITHM=COPY copies " + MysqlRules.sized(table)
                + " row by row while writes to it wait");
    }
}
