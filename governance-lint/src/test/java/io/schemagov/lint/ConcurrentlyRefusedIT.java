package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.lint.LintReport.LintFinding;
import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.config.RulesFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule concurrently-in-transaction against the real PostgreSQL: every statement it fires on inside BEGIN is one
 * the server refuses there (SQLSTATE 25001), and the statements it stays silent on run in a transaction block.
 * Each statement runs in its own BEGIN ... ROLLBACK, so the schema is the same for all.
 */
class ConcurrentlyRefusedIT {

    private static final String DATABASE = "lint_concurrently";
    private static final String RULE = "concurrently-in-transaction";
    private static final String ACTIVE_SQL_TRANSACTION = "25001";

    private static final RuleEngine LINT_RULES = LintRules.engine(RulesFile.empty(), "the built-in rules");

    private static PostgresServer postgres;

    @BeforeAll
    static void schema() throws SQLException {
        postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("""
                    DROP SCHEMA IF EXISTS app CASCADE;
                    CREATE SCHEMA app;
                    SET search_path = app;
                    CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric, ref text);
                    INSERT INTO orders SELECT g, g % 100, g, 'r' || g FROM generate_series(1, 2000) g;
                    CREATE INDEX orders_customer_idx ON orders (customer_id);
                    CREATE TABLE measurements (taken date NOT NULL, reading int) PARTITION BY RANGE (taken);
                    CREATE TABLE measurements_2023 PARTITION OF measurements
                        FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
                    CREATE MATERIALIZED VIEW order_totals AS
                        SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
                    CREATE UNIQUE INDEX order_totals_customer_key ON order_totals (customer_id);
                    """);
        }
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                arguments("CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total)", true),
                arguments("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_key ON orders (ref)", true),
                arguments("CREATE INDEX CONCURRENTLY ON orders (ref)", true),
                arguments("DROP INDEX CONCURRENTLY orders_customer_idx", true),
                arguments("DROP INDEX CONCURRENTLY IF EXISTS app.no_such_idx", true),
                arguments("REINDEX INDEX CONCURRENTLY orders_customer_idx", true),
                arguments("REINDEX TABLE CONCURRENTLY orders", true),
                arguments("REINDEX (CONCURRENTLY) TABLE orders", true),
                arguments("REINDEX (VERBOSE, CONCURRENTLY true) INDEX orders_customer_idx", true),
                arguments("REINDEX SCHEMA CONCURRENTLY app", true),
                arguments("ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY", true),
                arguments("CREATE INDEX orders_total_idx ON orders (total)", false),
                arguments("DROP INDEX orders_customer_idx", false),
                arguments("REINDEX TABLE orders", false),
                arguments("REINDEX (CONCURRENTLY false) TABLE orders", false),
                arguments("REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals", false),
                arguments("ALTER TABLE measurements DETACH PARTITION measurements_2023", false),
                arguments("CREATE INDEX CONCURRENTLY_named_idx ON orders (total)", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void firesExactlyOnWhatPostgresqlRefusesInATransactionBlock(String sql, boolean refused) throws SQLException {
        assertThat(lintFindsIt(sql)).as("the rule fires on it in a block").isEqualTo(refused);

        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = app");
            statement.execute("BEGIN");
            try {
                SQLException error = catchThrowableOfType(() -> statement.execute(sql), SQLException.class);
                if (refused) {
                    assertThat(error == null ? null : error.getSQLState()).as("PostgreSQL refuses it in a block")
                            .isEqualTo(ACTIVE_SQL_TRANSACTION);
                    assertThat(error.getMessage()).contains("cannot run inside a transaction block");
                } else {
                    assertThat(error == null ? null : error.getMessage()).as("PostgreSQL runs it in a block")
                            .isNull();
                }
            } finally {
                statement.execute("ROLLBACK");
            }
        }
    }

    /** Outside a block the server runs the same forms and the rule is silent: the block is what it judges. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"REINDEX INDEX CONCURRENTLY orders_customer_idx", "REINDEX TABLE CONCURRENTLY orders"})
    void acceptsTheSameFormsOutsideATransactionBlock(String sql) throws SQLException {
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = app");
            statement.execute(sql); // autocommit: no block
        }
        MigrationLinter linter = new MigrationLinter(LINT_RULES, TransactionMode.EXPLICIT, Instant.now());
        assertThat(linter.lint("check.sql", sql + ";\n").findings()).isEmpty();
    }

    private static boolean lintFindsIt(String sql) {
        MigrationLinter linter = new MigrationLinter(LINT_RULES, TransactionMode.EXPLICIT, Instant.now());
        return linter.lint("check.sql", "BEGIN;\n" + sql + ";\nCOMMIT;\n").findings().stream()
                .map(LintFinding::finding).anyMatch(finding -> finding.ruleId().equals(RULE));
    }
}
