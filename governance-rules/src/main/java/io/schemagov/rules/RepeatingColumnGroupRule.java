package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags numbered sibling columns such as phone1, phone2 or address_1, address_2: a list spread over columns. */
final class RepeatingColumnGroupRule implements TableRule {

    static final String ID = "repeating-column-group";

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
        StringBuilder message = new StringBuilder(MessageText.CAPACITY).append(name)
                .append(" spreads lists over numbered columns: ");
        MessageText.joined(message, "; ", groups);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message.toString()));
    }

    /** Column names grouped by stem, kept where the numbers start a sequence (1, 2 or 0, 1): ipv4 and ipv6 do not. */
    private static List<String> groups(TableSnapshot table) {
        List<Slot> slots = slots(table);
        if (slots.size() < 2) {
            return List.of(); // a sequence needs two numbered columns
        }
        List<String> groups = new ArrayList<>(1);
        boolean[] grouped = new boolean[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            String group = grouped[i] ? null : group(slots, i, grouped);
            if (group != null) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** A numbered column: the stem of its name in lower case, its number and its name. */
    private record Slot(String stem, int number, String name) {
    }

    /** The numbered columns, in the table's order. */
    private static List<Slot> slots(TableSnapshot table) {
        List<Slot> slots = List.of();
        for (ColumnSnapshot column : table.getColumns()) {
            String name = column.getName();
            if (name.isEmpty() || !Character.isDigit(name.charAt(name.length() - 1))) {
                continue; // most columns: no number, no need for the pattern
            }
            Numbered numbered = numbered(name);
            if (numbered != null) {
                slots = slots.isEmpty() ? new ArrayList<>(4) : slots;
                slots.add(new Slot(LowerCaseText.of(numbered.stem()), numbered.number(), name));
            }
        }
        return slots;
    }

    /**
     * The names of the columns with the stem of the one at {@code first}, which no earlier group took, in number
     * order and marked as grouped; null when their numbers start no sequence.
     */
    private static String group(List<Slot> slots, int first, boolean[] grouped) {
        String stem = slots.get(first).stem();
        List<Slot> members = new ArrayList<>(4);
        for (int j = first; j < slots.size(); j++) {
            if (slots.get(j).stem().equals(stem)) {
                grouped[j] = true;
                place(members, slots.get(j));
            }
        }
        if (!numbers(members, 1) || !numbers(members, 2) && !numbers(members, 0)) {
            return null;
        }
        StringBuilder names = new StringBuilder(members.get(0).name());
        for (int j = 1; j < members.size(); j++) {
            names.append(", ").append(members.get(j).name());
        }
        return names.toString();
    }

    /** Puts the slot in number order; of two columns with one number, the later one stays (phone1 and phone_1). */
    private static void place(List<Slot> members, Slot slot) {
        int at = 0;
        while (at < members.size() && members.get(at).number() < slot.number()) {
            at++;
        }
        if (at < members.size() && members.get(at).number() == slot.number()) {
            members.set(at, slot);
        } else {
            members.add(at, slot);
        }
    }

    private static boolean numbers(List<Slot> members, int number) {
        for (Slot member : members) {
            if (member.number() == number) {
                return true;
            }
        }
        return false;
    }

    /** A name read as a stem and the number after it. */
    record Numbered(String stem, int number) {
    }

    /**
     * The stem and number of a name such as phone_2 or addressLine1, read as the pattern
     * {@code (.{2,}?)_?(\d{1,3})} reads it (without running it for every numbered column of every snapshot): the
     * shortest stem of two or more characters, none a line break, then an optional underscore and one to three
     * digits 0-9 ending the name. Null when the name does not read so.
     */
    static Numbered numbered(String name) {
        for (int stem = 2; stem < name.length(); stem++) {
            int digits = name.charAt(stem) == '_' ? stem + 1 : stem;
            if (name.codePointCount(0, stem) >= 2 && isShortNumber(name, digits)) {
                return hasLineBreak(name, stem) ? null
                        : new Numbered(name.substring(0, stem), Integer.parseInt(name, digits, name.length(), 10));
            }
        }
        return null;
    }

    /** One to three digits 0-9 from {@code from} to the end of the name. */
    private static boolean isShortNumber(String name, int from) {
        int length = name.length() - from;
        if (length < 1 || length > 3) {
            return false;
        }
        for (int i = from; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the first characters hold a line terminator, which the pattern's {@code .} does not match. */
    private static boolean hasLineBreak(String name, int end) {
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
