package io.schemagov.rules;

import io.schemagov.model.AffectedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The MariaDB/MySQL rules, and what they share: reading the statement text and the altered table. */
final class MysqlRules {

    /** Every MariaDB/MySQL rule id starts with this; {@link RuleDialects} runs them on those databases only. */
    static final String PREFIX = "mysql-";

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|--[^\\n]*|#[^\\n]*", Pattern.DOTALL);
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private MysqlRules() {
    }

    /** The MariaDB/MySQL change rules, in the order their findings are reported. */
    static List<Rule> changeRules() {
        return List.of(
                new MysqlAlgorithmCopyRule(),
                new MysqlLockSharedOrExclusiveRule(),
                new MysqlTableRebuildRule(),
                new MysqlColumnPositionRule(),
                new MysqlLargeTableAlterRule(),
                new MysqlEnumOrSetChangedRule());
    }

    /** The MariaDB/MySQL table-state rules, in the order their findings are reported. */
    static List<Rule> tableRules() {
        return List.of(
                new MysqlNonInnodbEngineRule(),
                new MysqlLegacyCharsetRule(),
                new MysqlLegacyUtfRule(),
                new MysqlZerofillOrDisplayWidthRule(),
                new MysqlFloatForMoneyRule(),
                new MysqlInvisibleIndexRule(),
                new MysqlDuplicateIndexRule());
    }

    /** Whether the event comes from MariaDB or MySQL. */
    static boolean isMysql(SchemaChangeEvent event) {
        SourceKind kind = event.getSource() == null ? null : event.getSource().getKind();
        return kind == SourceKind.MARIADB || kind == SourceKind.MYSQL;
    }

    /** Whether a snapshot was read from MariaDB or MySQL: only they have a storage engine. */
    static boolean isMysql(TableSnapshot table) {
        return table.getEngine() != null;
    }

    /** The statement upper-cased, without comments, with single spaces; empty without a statement. */
    static String statement(SchemaChangeEvent event) {
        String text = event.getStatement() == null ? "" : event.getStatement();
        return SPACE.matcher(COMMENTS.matcher(text).replaceAll(" ")).replaceAll(" ").strip().toUpperCase(Locale.ROOT);
    }

    /** The statement of a MariaDB/MySQL ALTER TABLE (or CREATE/DROP INDEX), or empty for anything else. */
    static Optional<String> alterStatement(SchemaChangeEvent event) {
        if (!isMysql(event)) {
            return Optional.empty();
        }
        String tag = event.getCommandTag() == null ? "" : event.getCommandTag();
        if (!tag.equals("ALTER TABLE") && !tag.equals("CREATE INDEX") && !tag.equals("DROP INDEX")) {
            return Optional.empty();
        }
        return Optional.of(statement(event));
    }

    /** The table the change is about. */
    static Optional<TableSnapshot> table(SchemaChangeEvent event) {
        Optional<TableSnapshot> single = EventTables.single(event);
        if (single.isPresent() || event.getObjectIdentity() == null) {
            return single;
        }
        return EventTables.find(event, event.getObjectIdentity());
    }

    /**
     * The objects of this type (table, table column) the change renamed: the binlog ingest reads renames from the
     * DDL text and records the old name as {@code previousIdentity}, as the structure after a rename cannot tell.
     */
    static List<AffectedObject> renamed(SchemaChangeEvent event, String objectType) {
        return event.getObjects().stream()
                .filter(object -> objectType.equals(object.getObjectType()) && object.getPreviousIdentity() != null
                        && !object.getPreviousIdentity().equals(object.getObjectIdentity()))
                .toList();
    }

    /** Whether the statement asks for ALGORITHM=INSTANT: the server then refuses what it cannot do in place. */
    static boolean instant(String statement) {
        return statement.matches(".*\\bALGORITHM ?= ?INSTANT\\b.*");
    }

    /** {@code shop.orders (≈12M rows, 3.1 GB)}. */
    static String sized(TableSnapshot table) {
        return Names.of(table) + " (" + TableSize.of(table).describe() + ")";
    }
}
