package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import java.util.List;

/**
 * Writes the lists that the table rules' messages name (columns, foreign keys) straight into the message, instead
 * of into a string per item, then a joined string, then the message: a few rules find something in nearly every
 * snapshot, so their messages are built for most tables. The text is the same as concatenation gives.
 */
final class MessageText {

    /** Room for most messages without growing: they run to some 100-300 characters. */
    static final int CAPACITY = 256;

    private MessageText() {
    }

    /** The parts with the separator between them, as {@link String#join} writes them. */
    static StringBuilder joined(StringBuilder to, String separator, List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            (i == 0 ? to : to.append(separator)).append(parts.get(i));
        }
        return to;
    }

    /** {@code name type}, e.g. {@code price double precision}, as {@link DesignColumns#describe} gives it. */
    static StringBuilder column(StringBuilder to, ColumnSnapshot column) {
        return to.append(column.getName()).append(' ').append(column.getDataType());
    }

    /** The columns described and separated by commas. */
    static StringBuilder columns(StringBuilder to, List<ColumnSnapshot> columns) {
        for (int i = 0; i < columns.size(); i++) {
            column(i == 0 ? to : to.append(", "), columns.get(i));
        }
        return to;
    }

    /** {@code orders_customer_fk (customer_id) → public.customers}, the target left out when unknown. */
    static StringBuilder foreignKey(StringBuilder to, ConstraintSnapshot fk) {
        joined(to.append(fk.getName()).append(" ("), ", ", fk.getColumns()).append(')');
        return fk.getReferencedTable() == null ? to : to.append(" → ").append(fk.getReferencedTable());
    }

    /** The foreign keys described and separated by commas. */
    static StringBuilder foreignKeys(StringBuilder to, List<ConstraintSnapshot> fks) {
        for (int i = 0; i < fks.size(); i++) {
            foreignKey(i == 0 ? to : to.append(", "), fks.get(i));
        }
        return to;
    }
}
