package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags enum values renamed (clients holding the old label break) or added (closed client mappings break). */
final class EnumValueChangedRule implements ChangeRule {

    static final String ID = "enum-value-changed";

    private static final RuleInfo INFO = new RuleInfo(ID, "Enum value renamed or added", Severity.MEDIUM,
            RuleScope.CHANGE,
            "ALTER TYPE ... RENAME VALUE changes the label every row shows at once: application code, queries and "
                    + "other services that still send or compare the old label fail or silently stop matching "
                    + "(MEDIUM). ALTER TYPE ... ADD VALUE breaks clients that map the type to a closed set of "
                    + "values, such as an enum in application code or a generated API schema, when they first read "
                    + "the new label (LOW); and a value added inside a transaction block cannot be used until that "
                    + "transaction commits. Neither depends on table size: no table is rewritten.",
            "Renaming: add the new label with ADD VALUE, deploy clients that accept both, migrate rows in batches "
                    + "(UPDATE ... SET col = 'new' WHERE col = 'old'), switch writers, and leave the old label "
                    + "unused (PostgreSQL cannot drop an enum value). Adding: deploy readers that tolerate the new "
                    + "label before any writer uses it, and run ADD VALUE in its own transaction, committed before "
                    + "the value is used. Where values change often, a lookup table with a foreign key is easier "
                    + "to evolve than an enum.",
            "ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched';",
            "-- a text column with a CHECK: the set of values changes without touching a type\n"
                    + "ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('paid', 'shipped', "
                    + "'dispatched')) NOT VALID;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of("ALTER TYPE");
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!"ALTER TYPE".equalsIgnoreCase(event.getCommandTag()) || event.getObjectIdentity() == null) {
            return List.of();
        }
        String type = Names.unqualified(event.getObjectIdentity());
        List<List<SqlToken>> statements = SqlScanner.statements(event.getStatement());
        for (int i = 0; i < statements.size(); i++) {
            Optional<String> change = valueChange(statements.get(i), type);
            if (change.isPresent()) {
                boolean laterStatements = i < statements.size() - 1;
                return List.of(finding(event, change.get(), event.getInTransactionBlock() || laterStatements));
            }
        }
        return List.of();
    }

    /** ADD or RENAME when the statement is ALTER TYPE type ADD VALUE / RENAME VALUE, else empty. */
    private static Optional<String> valueChange(List<SqlToken> statement, String type) {
        TokenCursor cursor = new TokenCursor(statement);
        if (!cursor.take("ALTER", "TYPE")) {
            return Optional.empty();
        }
        List<String> name = cursor.qualifiedName();
        if (name.isEmpty() || !name.get(name.size() - 1).equals(type)) {
            return Optional.empty();
        }
        if (cursor.take("ADD", "VALUE")) {
            return Optional.of("ADD");
        }
        return cursor.take("RENAME", "VALUE") ? Optional.of("RENAME") : Optional.empty();
    }

    private static Finding finding(SchemaChangeEvent event, String change, boolean inTransaction) {
        String type = Names.normalized(event.getObjectIdentity());
        String labels = Labels.of(event.getStatement(), change);
        String message;
        Severity severity;
        if (change.equals("RENAME")) {
            severity = Severity.MEDIUM;
            message = "ALTER TYPE " + type + " RENAME VALUE" + labels + ": every row now shows the new label, so "
                    + "clients that still send or compare the old one (application code, queries, caches, other "
                    + "services) fail or stop matching";
        } else {
            severity = Severity.LOW;
            message = "ALTER TYPE " + type + " ADD VALUE" + labels + ": clients that map this type to a closed set "
                    + "of values fail when they first read the new label"
                    + (inTransaction ? "; it ran inside a transaction block, where the new value cannot be used "
                            + "until the transaction commits" : "");
        }
        return INFO.finding(severity, event.getSchemaName(), null, type, message);
    }

    /** The labels, read from the raw text because the scanner drops literal contents; only for the message. */
    static final class Labels {
        private static final String LITERAL = "'((?:[^']|'')*)'";
        private static final Pattern RENAME = Pattern.compile("(?i)RENAME\\s+VALUE\\s+" + LITERAL + "\\s+TO\\s+"
                + LITERAL);
        private static final Pattern ADD = Pattern.compile("(?i)ADD\\s+VALUE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                + LITERAL);

        private Labels() {
        }

        /** e.g. {@code  'shipped' TO 'dispatched'}, or empty when the text does not show them unambiguously. */
        static String of(String sql, String change) {
            boolean rename = change.equals("RENAME");
            Matcher matcher = (rename ? RENAME : ADD).matcher(sql);
            if (!matcher.find()) {
                return "";
            }
            String labels = " '" + matcher.group(1) + "'" + (rename ? " TO '" + matcher.group(2) + "'" : "");
            // Several changes in one text: better no labels than the wrong ones.
            return matcher.find() ? "" : labels;
        }
    }
}
