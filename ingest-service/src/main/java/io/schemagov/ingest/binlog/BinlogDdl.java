package io.schemagov.ingest.binlog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * What one MariaDB/MySQL DDL statement does, as far as the event needs it and Debezium's schema change leaves
 * it implicit: the command tag (CREATE INDEX arrives as an ALTER of the table), the index a statement names,
 * the old name of each renamed table (a rename arrives under the new name only), and the columns and foreign
 * keys an ALTER dropped or renamed (the structure after it shows only what is left). Parsed with JSqlParser;
 * a statement it cannot parse is classified by its leading keywords, and {@link #parseError} says so.
 *
 * @param tables  the tables the statement is about, qualified ({@code database.table}); after a rename, the new names
 * @param renames new qualified name to old qualified name, for RENAME TABLE and ALTER TABLE ... RENAME
 * @param alter   what an ALTER TABLE dropped or renamed in the table; {@link AlterParts#NONE} for other statements
 */
public record BinlogDdl(String commandTag, String objectType, String indexName, java.util.List<String> tables,
                        Map<String, String> renames, AlterParts alter, String parseError) {

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(/\\*.*?\\*/|--[^\\n]*\\n|#[^\\n]*\\n))*\\s*",
            Pattern.DOTALL);
    private static final Pattern KEYWORDS = Pattern.compile("^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\\s+"
            + "(?:OR\\s+REPLACE\\s+|DEFINER\\s*=\\s*\\S+\\s+|UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+|TEMPORARY\\s+"
            + "|ONLINE\\s+|OFFLINE\\s+|IGNORE\\s+)*"
            + "(TABLE|INDEX|VIEW|DATABASE|SCHEMA|TRIGGER|PROCEDURE|FUNCTION|EVENT|SEQUENCE|USER|ROLE)\\b",
            Pattern.CASE_INSENSITIVE);

    public BinlogDdl {
        tables = java.util.List.copyOf(tables);
        renames = Map.copyOf(renames);
    }

    /** Classifies {@code ddl}; unqualified names are taken to be in {@code database}. */
    public static BinlogDdl parse(String ddl, String database) {
        String text = LEADING_COMMENTS.matcher(ddl == null ? "" : ddl).replaceFirst("");
        try {
            Statement statement = CCJSqlParserUtil.parse(AlterParts.parsable(text));
            BinlogDdl parsed = of(statement, database, text);
            if (parsed != null) {
                return parsed;
            }
        } catch (JSQLParserException | RuntimeException e) {
            return byKeywords(text, "not parsed: " + firstLine(e.getMessage()));
        }
        return byKeywords(text, null);
    }

    private static BinlogDdl of(Statement statement, String database, String text) {
        if (statement instanceof CreateTable create) {
            return simple("CREATE TABLE", "table", qualified(create.getTable(), database));
        }
        if (statement instanceof CreateIndex create) {
            return new BinlogDdl("CREATE INDEX", "index", unquote(create.getIndex().getName()),
                    java.util.List.of(qualified(create.getTable(), database)), Map.of(), AlterParts.NONE, null);
        }
        if (statement instanceof Alter alter) {
            return alter(alter, database, text);
        }
        if (statement instanceof RenameTableStatement rename) {
            Map<String, String> renames = new LinkedHashMap<>();
            for (Map.Entry<Table, Table> pair : rename.getTableNames()) {
                renames.put(qualified(pair.getValue(), database), qualified(pair.getKey(), database));
            }
            return new BinlogDdl("RENAME TABLE", "table", null, java.util.List.copyOf(renames.keySet()), renames,
                    AlterParts.NONE, null);
        }
        if (statement instanceof Drop drop) {
            String type = drop.getType().toUpperCase(Locale.ROOT);
            boolean index = "INDEX".equals(type);
            java.util.List<String> tables = "TABLE".equals(type) ? java.util.List.of(qualified(drop.getName(), database))
                    : java.util.List.of();
            return new BinlogDdl("DROP " + type, type.toLowerCase(Locale.ROOT), index ? unquote(drop.getName().getName()) : null,
                    tables, Map.of(), AlterParts.NONE, null);
        }
        if (statement instanceof Truncate truncate) {
            return simple("TRUNCATE TABLE", "table", qualified(truncate.getTable(), database));
        }
        return null;
    }

    private static BinlogDdl alter(Alter alter, String database, String text) {
        Map<String, String> renames = new LinkedHashMap<>();
        String index = null;
        java.util.List<AlterExpression> expressions = alter.getAlterExpressions() == null
                ? java.util.List.of() : alter.getAlterExpressions();
        for (AlterExpression expression : expressions) {
            if (expression.getOperation() == AlterOperation.RENAME_TABLE && expression.getNewTableName() != null) {
                Table renamed = new Table(expression.getNewTableName());
                renames.put(qualified(renamed, database), qualified(alter.getTable(), database));
            }
            if (expression.getIndex() != null && expression.getIndex().getName() != null) {
                index = unquote(expression.getIndex().getName());
            }
        }
        String table = renames.isEmpty() ? qualified(alter.getTable(), database) : renames.keySet().iterator().next();
        return new BinlogDdl("ALTER TABLE", "table", index, java.util.List.of(table), renames,
                AlterParts.of(expressions, AlterParts.foreignKeysDropped(text)), null);
    }

    private static BinlogDdl byKeywords(String text, String error) {
        Matcher m = KEYWORDS.matcher(text);
        if (m.find()) {
            String verb = m.group(1).toUpperCase(Locale.ROOT);
            String noun = m.group(2).toUpperCase(Locale.ROOT);
            return new BinlogDdl(verb + " " + noun, noun.toLowerCase(Locale.ROOT), null, java.util.List.of(), Map.of(),
                    AlterParts.NONE, error);
        }
        String first = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return new BinlogDdl(first.isEmpty() ? "UNKNOWN" : first, null, null, java.util.List.of(), Map.of(),
                AlterParts.NONE, error);
    }

    private static BinlogDdl simple(String tag, String type, String table) {
        return new BinlogDdl(tag, type, null, java.util.List.of(table), Map.of(), AlterParts.NONE, null);
    }

    /** {@code database.table}, without quotes. */
    static String qualified(Table table, String database) {
        String schema = table.getSchemaName() == null ? database : unquote(table.getSchemaName());
        return schema + "." + unquote(table.getName());
    }

    static String unquote(String name) {
        if (name == null || name.length() < 2) {
            return name;
        }
        char first = name.charAt(0);
        if ((first == '`' || first == '"') && name.charAt(name.length() - 1) == first) {
            String quote = String.valueOf(first);
            return name.substring(1, name.length() - 1).replace(quote + quote, quote);
        }
        return name;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown syntax";
        }
        String line = message.strip().split("\\R", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
