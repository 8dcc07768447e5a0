package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags character varying(n) and character(n) columns, where text with a CHECK is the more flexible choice. */
final class VarcharLengthLimitRule implements TableRule {

    static final String ID = "varchar-length-limit";

    /**
     * format_type output, followed by a length in digits and a parenthesis; arrays end in []. {@code bpchar} alone
     * has no length and is not matched.
     */
    private static final String VARCHAR = "character varying(";
    private static final String CHAR = "character(";

    private static final RuleInfo INFO = new RuleInfo(ID, "Length-limited character type", Severity.INFO,
            RuleScope.TABLE_STATE,
            "In PostgreSQL varchar(n) is stored exactly like text and is no faster; the limit only rejects longer "
                    + "values, and raising it past a real need later is a schema change, lowering it a full rewrite. "
                    + "character(n) is worse: it pads values with spaces to n, ignores trailing spaces in "
                    + "comparisons but not in LIKE or regular expressions, and wastes space; it is LOW, "
                    + "varchar(n) INFO.",
            "Use text, and where a limit is a real business rule state it as a constraint: ALTER TABLE t ADD "
                    + "CONSTRAINT t_code_length CHECK (char_length(code) <= 20) NOT VALID; then VALIDATE CONSTRAINT. "
                    + "Changing varchar(n) to text needs no table rewrite; character(n) to text does rewrite "
                    + "(and strips the padding), so do it on large tables in a maintenance window.",
            "CREATE TABLE products (id bigint PRIMARY KEY, code varchar(20) NOT NULL);",
            "CREATE TABLE products (id bigint PRIMARY KEY, code text NOT NULL CONSTRAINT products_code_length CHECK "
                    + "(char_length(code) <= 20));");

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
        List<ColumnSnapshot> chars = new ArrayList<>();
        List<ColumnSnapshot> varchars = new ArrayList<>();
        for (int i = 0; i < facts.columns().size(); i++) {
            if (hasLength(facts.type(i), CHAR)) {
                chars.add(facts.columns().get(i));
            } else if (hasLength(facts.type(i), VARCHAR)) {
                varchars.add(facts.columns().get(i));
            }
        }
        if (chars.isEmpty() && varchars.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        StringBuilder message = new StringBuilder(MessageText.CAPACITY).append(name)
                .append(" limits character columns by type: ");
        MessageText.columns(message, chars);
        MessageText.columns(chars.isEmpty() || varchars.isEmpty() ? message : message.append(", "), varchars);
        if (!chars.isEmpty()) {
            message.append("; character(n) pads values with spaces");
        }
        Severity severity = chars.isEmpty() ? Severity.INFO : Severity.LOW;
        return Optional.of(INFO.finding(severity, table.getSchemaName(), table.getTableName(), name, message.toString()));
    }

    /** Whether the type starts with the prefix, one or more digits 0-9 and a closing parenthesis. */
    private static boolean hasLength(String type, String prefix) {
        if (!type.startsWith(prefix)) {
            return false;
        }
        int end = prefix.length();
        while (end < type.length() && type.charAt(end) >= '0' && type.charAt(end) <= '9') {
            end++;
        }
        return end > prefix.length() && end < type.length() && type.charAt(end) == ')';
    }
}
