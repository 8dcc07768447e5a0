package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What the table rules read from one snapshot, worked out once instead of by each of two dozen rules: whether it
 * is a table, its name, its columns' types in lower case, whether they are strings, their name words and its valid
 * indexes' shapes; and its columns looked up by name.
 */
final class TableFacts {

    /**
     * The last snapshot judged on this thread: the engine runs every table rule over one snapshot before the next.
     * Keyed by identity (and by the identity of its column list, which a setter would replace): rules never change
     * the snapshot they are given.
     */
    private static final ThreadLocal<TableFacts> LAST = new ThreadLocal<>();

    private final TableSnapshot table;
    private final List<ColumnSnapshot> columns;
    private final boolean isTable;
    private final String name;
    private final String[] types;
    private final boolean[] strings;
    /** Each column's name words once asked for, else null: a plain array, filled for one rule in three. */
    private final Object[] words;
    private List<IndexShape> validShapes;

    private TableFacts(TableSnapshot table) {
        this.table = table;
        this.columns = table.getColumns();
        this.isTable = EventTables.isTable(table);
        this.name = Names.of(table);
        this.types = new String[columns.size()];
        this.strings = new boolean[columns.size()];
        this.words = new Object[columns.size()];
        // The columns are read first, in a loop of nothing but reads: a snapshot just taken from the event is
        // seldom in the CPU's cache yet, and reads that do not wait on each other are fetched together.
        ColumnSnapshot[] read = columns.toArray(new ColumnSnapshot[0]);
        String[] categories = new String[read.length];
        for (int i = 0; i < read.length; i++) {
            types[i] = read[i].getDataType();
            categories[i] = read[i].getTypeCategory();
        }
        for (int i = 0; i < types.length; i++) {
            types[i] = types[i] == null ? "" : LowerCaseText.of(types[i]); // as DesignColumns.type
            strings[i] = DesignColumns.isString(categories[i], types[i]);
        }
    }

    static TableFacts of(TableSnapshot table) {
        TableFacts last = LAST.get();
        if (last != null && last.table == table && last.columns == table.getColumns()) {
            return last;
        }
        TableFacts facts = new TableFacts(table);
        LAST.set(facts);
        return facts;
    }

    /** Whether the snapshot is of a table (plain or partitioned), the only kind the design rules judge. */
    boolean isTable() {
        return isTable;
    }

    /** The table's qualified name as the findings report it, {@link Names#of(TableSnapshot)}. */
    String name() {
        return name;
    }

    List<ColumnSnapshot> columns() {
        return columns;
    }

    /** The type of the column at this position of {@link #columns()}, as {@link DesignColumns#type} gives it. */
    String type(int column) {
        return types[column];
    }

    /** Whether the column at this position is a scalar character type, as {@link DesignColumns#isString} says. */
    boolean isString(int column) {
        return strings[column];
    }

    /** The lower-case words of the name of the column at this position, as {@link DesignColumns#words} gives them. */
    @SuppressWarnings("unchecked") // only ever holds what DesignColumns.words gives
    List<String> words(int column) {
        if (words[column] == null) {
            words[column] = NameWords.of(columns.get(column).getName()); // unmodifiable already
        }
        return (List<String>) words[column];
    }

    /**
     * The first column of this name, or null. A scan, not a map: the rules look up a handful of names per
     * snapshot (key and audit columns), fewer than it would take to hash every column's name into a map.
     */
    ColumnSnapshot column(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getName().equals(name)) {
                return columns.get(i);
            }
        }
        return null;
    }

    /** The shapes of the valid indexes, in the snapshot's order. */
    List<IndexShape> validShapes() {
        if (validShapes == null) {
            List<IndexShape> shapes = new ArrayList<>();
            for (IndexSnapshot index : table.getIndexes()) {
                if (index.getValid()) {
                    shapes.add(IndexShape.of(index));
                }
            }
            validShapes = List.copyOf(shapes);
        }
        return validShapes;
    }
}
