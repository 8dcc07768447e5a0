package io.schemagov.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.devstack.MariaDbServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.Finding;
import io.schemagov.rules.RuleCatalog;
import io.schemagov.rules.RuleInfo;
import io.schemagov.rules.RuleScope;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The MariaDB/MySQL table-state examples of docs/rules.md against the real MariaDB: each rule fires on the table
 * its example made, as the binlog ingest recorded it, and not on the fix's.
 */
class MariaDbRuleExamplesIT {

    private static final String DATABASE = "maria_examples";
    private static final String SOURCE = "maria-examples";
    private static final Pattern CREATED_TABLE = Pattern.compile("CREATE TABLE (\\w+)");
    private static MariaDbServer mariaDb;
    private static ConfigurableApplicationContext ingest;
    private static EventCollector events;

    static boolean isMysql(RuleInfo info) {
        return info.id().startsWith("mysql-");
    }

    @BeforeAll
    static void start() throws Exception {
        mariaDb = SharedStack.mariaDb();
        mariaDb.createDatabase(DATABASE);
        ingest = IngestApplication.application().run(
                "--schemagov.ingest.kafka.bootstrap-servers=" + SharedStack.kafka().bootstrapServers(),
                "--schemagov.ingest.state-directory=" + Files.createTempDirectory("maria-examples"),
                "--schemagov.ingest.sources[0].name=" + SOURCE,
                "--schemagov.ingest.sources[0].url=" + mariaDb.jdbcUrl(DATABASE),
                "--schemagov.ingest.sources[0].username=" + MariaDbServer.USER,
                "--schemagov.ingest.sources[0].password=");
        events = new EventCollector(SharedStack.kafka().bootstrapServers(), SOURCE);
        // Wait for the stream: the examples must come after the schema snapshot (which may include this table).
        sql("CREATE TABLE ready (id int PRIMARY KEY)");
        events.awaitSchemaChange(e -> "ready".equals(tableOf(e)));
    }

    @AfterAll
    static void stop() {
        events.close();
        ingest.close();
    }

    static Stream<Named<RuleInfo>> mysqlTableStateRules() {
        return RuleCatalog.defaultRules().stream().map(rule -> rule.info())
                .filter(info -> info.scope() == RuleScope.TABLE_STATE && isMysql(info))
                .map(info -> Named.of(info.id(), info));
    }

    @Test
    void coversEveryMysqlTableStateRule() {
        assertThat(mysqlTableStateRules().count()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mysqlTableStateRules")
    void firesOnTheTableItsExampleMadeAndNotOnTheFixs(RuleInfo rule) throws Exception {
        assertThat(findings(rule, rule.example())).as("%s on the table its example made", rule.id()).isNotEmpty();
        assertThat(findings(rule, rule.fix())).as("%s on the table its fix made", rule.id()).isEmpty();
    }

    /** Runs the SQL on a fresh table of its name and judges the event its CREATE TABLE became. */
    private static List<Finding> findings(RuleInfo rule, String sql) throws Exception {
        Matcher created = CREATED_TABLE.matcher(sql);
        assertThat(created.find()).as("a CREATE TABLE in %s", sql).isTrue();
        sql("DROP TABLE IF EXISTS " + created.group(1), sql);
        SchemaChangeEvent state = events.awaitSchemaChange(e -> sql.equals(e.getStatement() + ";")
                || sql.equals(e.getStatement()));
        assertThat(state.getTables()).as("snapshot of %s", created.group(1)).hasSize(1);
        return WatchedDatabase.findings(state, rule.id());
    }

    private static String tableOf(SchemaChangeEvent event) {
        return event.getTables().isEmpty() ? null : event.getTables().get(0).getTableName();
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = mariaDb.connect(DATABASE); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
