package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags numbered sibling columns such as phone1, phone2 or address_1, address_2: a list spread over columns. */
final class RepeatingColumnGroupRule implements TableRule {

    static final String ID = "repeating-column-group";

    /** A stem of two or more characters and a trailing number, e.g. phone_2 or addressLine1. */
    private static final Pattern NUMBERED = Pattern.compile("(.{2,}?)_?(\\d{1,3})");

    private static final RuleInfo INFO = new RuleInfo(ID, "Repeating group of numbered columns", Severity.LOW,
            RuleScope.TABLE_STATE,
            "Columns like phone1, phone2, phone3 hold a list in a fixed number of slots: a fourth value needs a "
                    + "schema change, searching means OR over every slot (\"phone1 = $1 OR phone2 = $1 ...\") which "
                    + "indexes serve poorly, gaps and duplicates between slots go unchecked, and most slots are "
                    + "empty. It breaks first normal form.",
            "Move the values to a child table with one row per value: CREATE TABLE customer_phones (customer_id "
                    + "bigint REFERENCES customers, position smallint, phone text, PRIMARY KEY (customer_id, "
                    + "position)); or, for a short list that is always read whole, an array column. Keep numbered "
                    + "columns only where each slot means something different (address_line1 and address_line2 "
                    + "printed on separate lines).",
            "CREATE TABLE contacts (id bigint PRIMARY KEY, phone1 text, phone2 text, phone3 text);",
            "CREATE TABLE contact_phones (contact_id bigint NOT NULL, position smallint NOT NULL, phone text NOT "
                    + "NULL,\n"
                    + "    PRIMARY KEY (contact_id, position));");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<String> groups = groups(table);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " spreads lists over numbered columns: " + String.join("; ", groups);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    /** Column names grouped by stem, kept where the numbers start a sequence (1, 2 or 0, 1): ipv4 and ipv6 do not. */
    private static List<String> groups(TableSnapshot table) {
        Map<String, TreeMap<Integer, String>> byStem = new LinkedHashMap<>();
        for (ColumnSnapshot column : table.getColumns()) {
            String name = column.getName();
            if (name.isEmpty() || !Character.isDigit(name.charAt(name.length() - 1))) {
                continue; // most columns: no number, no need for the pattern
            }
            Matcher m = NUMBERED.matcher(name);
            if (m.matches()) {
                byStem.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), stem -> new TreeMap<>())
                        .put(Integer.parseInt(m.group(2)), column.getName());
            }
        }
        List<String> groups = new ArrayList<>();
        byStem.forEach((stem, numbered) -> {
            boolean sequence = numbered.containsKey(1) && (numbered.containsKey(2) || numbered.containsKey(0));
            if (sequence) {
                groups.add(String.join(", ", numbered.values()));
            }
        });
        return groups;
    }
}
