package io.schemagov.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.Finding;
import io.schemagov.rules.RuleCatalog;
import io.schemagov.rules.RuleInfo;
import io.schemagov.rules.RuleScope;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of docs/rules.md against the real PostgreSQL: a table-state rule whose example and fix create their
 * own table fires on the table the example really made, as the capture recorded it, and not on the fix's.
 */
class RuleExamplesIT {

    private static final Pattern CREATED_TABLE = Pattern.compile("CREATE TABLE (\"[^\"]+\"|\\w+)");
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static WatchedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = WatchedDatabase.start("examples_it", "examples");
        // The tables the examples reference, found through the search_path after each example's own schema.
        db.sql("DROP SCHEMA IF EXISTS ref CASCADE", "CREATE SCHEMA ref",
                "CREATE TABLE ref.customers (id bigint PRIMARY KEY)",
                "CREATE TABLE ref.orders (id bigint PRIMARY KEY)");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** The PostgreSQL table-state rules whose example and fix are self-contained CREATE statements. */
    static Stream<Named<RuleInfo>> selfContained() {
        return RuleCatalog.defaultRules().stream().map(rule -> rule.info())
                .filter(info -> info.scope() == RuleScope.TABLE_STATE && !MariaDbRuleExamplesIT.isMysql(info))
                .filter(info -> createsItsTable(info.example()) && createsItsTable(info.fix()))
                .map(info -> Named.of(info.id(), info));
    }

    @Test
    void coversMostTableStateRules() {
        long tableStateRules = RuleCatalog.defaultRules().stream()
                .filter(rule -> rule.info().scope() == RuleScope.TABLE_STATE && !MariaDbRuleExamplesIT.isMysql(rule.info()))
                .count();
        assertThat(selfContained().count()).isGreaterThanOrEqualTo(tableStateRules - 5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfContained")
    void firesOnTheTableItsExampleMadeAndNotOnTheFixs(RuleInfo rule) throws Exception {
        assertThat(findings(rule, rule.example())).as("%s on the table its example made", rule.id()).isNotEmpty();
        assertThat(findings(rule, rule.fix())).as("%s on the table its fix made", rule.id()).isEmpty();
    }

    /** Runs the SQL in a schema of its own, then reads the state of the first table it created. */
    private static List<Finding> findings(RuleInfo rule, String sql) throws Exception {
        String schema = "ex_" + SCHEMAS.incrementAndGet();
        String table = schema + "." + firstCreatedTable(sql);
        String marker = "COMMENT ON TABLE " + table + " IS 'state after the " + rule.id() + " example'";
        db.sql("CREATE SCHEMA " + schema, "SET search_path = " + schema + ", ref", sql, marker);
        SchemaChangeEvent state = db.awaitStatement(marker);
        assertThat(state.getTables()).as("snapshot of %s", table).hasSize(1);
        return WatchedDatabase.findings(state, rule.id());
    }

    private static boolean createsItsTable(String sql) {
        String code = withoutComments(sql).strip().toUpperCase(Locale.ROOT);
        return (code.startsWith("CREATE TABLE") || code.startsWith("CREATE TYPE")) && code.contains("CREATE TABLE");
    }

    private static String firstCreatedTable(String sql) {
        Matcher matcher = CREATED_TABLE.matcher(sql);
        assertThat(matcher.find()).as("a CREATE TABLE in %s", sql).isTrue();
        return matcher.group(1);
    }

    private static String withoutComments(String sql) {
        return sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
    }
}
