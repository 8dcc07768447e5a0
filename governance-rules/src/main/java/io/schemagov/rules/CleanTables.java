package io.schemagov.rules;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The clean tables of one evaluation, held as positions in the engine's table-rule ids and in the tables judged:
 * some two dozen per snapshot, so the engine keeps two ints for each instead of a {@link CleanTable} object,
 * and makes the object only when a caller reads it. Unmodifiable; equal to any list of the same CleanTables.
 */
final class CleanTables extends AbstractList<CleanTable> implements RandomAccess {

    private final String[] ruleIds;
    /** The schema and name of each table added, in order. */
    private String[] schemas;
    private String[] tables;
    private int tableCount;
    /** For each clean table, in order: the position of its rule id and of its table. */
    private int[] rules;
    private int[] tableOf;
    private int size;

    /** @param ruleIds the ids {@link #add} refers to by position, shared and never changed */
    CleanTables(String[] ruleIds, int expected) {
        this.ruleIds = ruleIds;
        this.schemas = new String[2];
        this.tables = new String[2];
        this.rules = new int[Math.max(expected, 4)];
        this.tableOf = new int[rules.length];
    }

    /** Starts a table that the next {@link #add} calls are about; its name must not be null. */
    void startTable(String schema, String table) {
        Objects.requireNonNull(table, "table"); // as CleanTable would, at once rather than when read
        if (tableCount == tables.length) {
            schemas = Arrays.copyOf(schemas, tableCount * 2);
            tables = Arrays.copyOf(tables, tableCount * 2);
        }
        schemas[tableCount] = schema;
        tables[tableCount++] = table;
    }

    /** Says the rule whose id is at this position found the table last started clean. */
    void add(int rule) {
        if (size == rules.length) {
            rules = Arrays.copyOf(rules, size * 2);
            tableOf = Arrays.copyOf(tableOf, size * 2);
        }
        rules[size] = rule;
        tableOf[size++] = tableCount - 1;
    }

    @Override
    public CleanTable get(int index) {
        Objects.checkIndex(index, size);
        int table = tableOf[index];
        return new CleanTable(ruleIds[rules[index]], schemas[table], tables[table]);
    }

    @Override
    public int size() {
        return size;
    }
}
