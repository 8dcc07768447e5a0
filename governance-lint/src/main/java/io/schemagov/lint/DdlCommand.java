package io.schemagov.lint;

import io.schemagov.lint.ScriptPart.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a DDL statement is, read from its leading keywords as PostgreSQL's command tag and the capture's object
 * identity would name it: {@code CREATE INDEX} on {@code public.orders_customer_idx}.
 *
 * @param commandTag     e.g. CREATE INDEX, ALTER TABLE, DROP INDEX, REINDEX, TRUNCATE TABLE
 * @param objectType     e.g. index, table, materialized view; null when the statement names none
 * @param objectIdentity the object's name as written (qualified only when written so), or null where it is not
 *                       cheaply readable (an unnamed index, COMMENT, GRANT)
 */
record DdlCommand(String commandTag, String objectType, String objectIdentity) {

    /** The statements that change the schema or its data in bulk, which the live capture records too. */
    private static final Set<String> SCHEMA_VERBS = Set.of("CREATE", "ALTER", "DROP");
    private static final Set<String> OTHER_DDL = Set.of("COMMENT", "GRANT", "REVOKE", "REINDEX", "CLUSTER",
            "VACUUM", "SECURITY", "IMPORT", "REFRESH", "TRUNCATE");
    /** Words between CREATE and the object type that do not change the command tag. */
    private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY",
            "UNLOGGED", "GLOBAL", "LOCAL", "RECURSIVE", "TRUSTED", "PROCEDURAL", "CONSTRAINT");
    /** Object types of more than one word, longest first. */
    private static final List<String> LONG_TYPES = List.of("FOREIGN DATA WRAPPER", "TEXT SEARCH CONFIGURATION",
            "TEXT SEARCH DICTIONARY", "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE", "MATERIALIZED VIEW",
            "FOREIGN TABLE", "EVENT TRIGGER", "ACCESS METHOD", "OPERATOR CLASS", "OPERATOR FAMILY", "USER MAPPING",
            "DEFAULT PRIVILEGES", "LARGE OBJECT", "DEFAULT CONVERSION");

    /** Types whose statements name no single object, and words that may follow a type instead of a name. */
    private static final Set<String> NAMELESS_TYPES = Set.of("DEFAULT PRIVILEGES", "USER MAPPING", "LARGE OBJECT");
    private static final Set<String> NOT_NAMES = Set.of("all", "authorization", "by", "for", "in", "on",
            "to");

    /** The DDL command the statement runs; empty for queries, DML, transaction control and settings. */
    static Optional<DdlCommand> of(Statement statement) {
        Words words = new Words(statement.tokens());
        String verb = words.upper(0);
        if (SCHEMA_VERBS.contains(verb)) {
            return Optional.of(schemaCommand(verb, words));
        }
        if (!OTHER_DDL.contains(verb)) {
            return Optional.empty();
        }
        return Optional.of(switch (verb) {
            case "REINDEX" -> reindex(words);
            case "REFRESH" -> new DdlCommand("REFRESH MATERIALIZED VIEW", "materialized view", words.nameAfter(3));
            case "TRUNCATE" -> new DdlCommand("TRUNCATE TABLE", "table",
                    words.nameAfter(words.skip(words.skip(1, "TABLE"), "ONLY")));
            case "VACUUM" -> new DdlCommand(words.fullVacuum() ? "VACUUM FULL" : "VACUUM", null, null);
            case "SECURITY" -> new DdlCommand("SECURITY LABEL", null, null);
            case "IMPORT" -> new DdlCommand("IMPORT FOREIGN SCHEMA", null, null);
            default -> new DdlCommand(verb, null, null);
        });
    }

    /** CREATE / ALTER / DROP [modifiers] type [CONCURRENTLY] [IF [NOT] EXISTS] [ONLY] name. */
    private static DdlCommand schemaCommand(String verb, Words words) {
        int at = 1;
        while (verb.equals("CREATE") && CREATE_MODIFIERS.contains(words.upper(at))) {
            at++;
        }
        String type = words.upper(at);
        for (String longType : LONG_TYPES) {
            if (words.startsWith(at, longType.split(" "))) {
                type = longType;
                break;
            }
        }
        at += type.split(" ").length;
        String tag = verb + " " + type.replace("DEFAULT CONVERSION", "CONVERSION");
        if (tag.equals("CREATE TABLE") && words.hasTopLevel("AS")) {
            tag = "CREATE TABLE AS"; // PostgreSQL's own tag, as the capture records it
        }
        String objectType = type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
        String name = NAMELESS_TYPES.contains(type) ? null : words.nameAfter(at);
        return new DdlCommand(tag.strip(), objectType, name == null || NOT_NAMES.contains(name) ? null : name);
    }

    /** REINDEX [(options)] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] [name]. */
    private static DdlCommand reindex(Words words) {
        int at = words.afterParentheses(1);
        String type = words.upper(at);
        return new DdlCommand("REINDEX", type.isEmpty() ? null : type.toLowerCase(Locale.ROOT),
                words.nameAfter(at + 1));
    }
}
