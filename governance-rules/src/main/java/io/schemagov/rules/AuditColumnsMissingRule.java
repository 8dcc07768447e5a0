package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags tables lacking the audit columns the team requires, by default created_at and updated_at. */
final class AuditColumnsMissingRule implements TableRule {

    static final String ID = "audit-columns-missing";
    static final List<String> DEFAULT_COLUMNS = List.of("created_at", "updated_at");

    private static final RuleInfo INFO = new RuleInfo(ID, "Audit columns missing", Severity.LOW,
            RuleScope.TABLE_STATE,
            "Without a creation and a last-change time per row, questions like \"when did this appear\", \"what "
                    + "changed since yesterday\" or \"which rows did the faulty release touch\" cannot be answered "
                    + "from the table, incremental exports and cache invalidation need another source, and "
                    + "debugging data issues gets slow. Adding them later leaves existing rows without values.",
            "Add the columns with defaults: ALTER TABLE t ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(), "
                    + "ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(); (a non-volatile default needs no "
                    + "rewrite in PostgreSQL 11+, and existing rows get the time of the ALTER). Keep updated_at "
                    + "current from the application or a BEFORE UPDATE trigger setting NEW.updated_at = now().",
            "CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL);",
            "CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL,\n"
                    + "    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT "
                    + "now());");

    private final List<String> required;

    AuditColumnsMissingRule() {
        this(DEFAULT_COLUMNS);
    }

    /** @param required the column names every table must have */
    AuditColumnsMissingRule(List<String> required) {
        if (required.isEmpty()) {
            throw new IllegalArgumentException("no audit columns given");
        }
        this.required = List.copyOf(required);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        TableFacts facts = TableFacts.of(table);
        if (!facts.isTable()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (facts.column(column) == null) {
                missing.add(column);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        String message = name + " lacks the audit " + (missing.size() == 1 ? "column " : "columns ")
                + String.join(", ", missing) + ": when its rows were created or changed is not recorded";
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
