package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.schemagov.lint.ScriptPart.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DdlCommandTest {

    /** Statement, command tag, object type, object identity. */
    static Stream<Arguments> ddl() {
        return Stream.of(
                arguments("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id)",
                        "CREATE INDEX", "index", "orders_customer_idx"),
                arguments("create unique index on public.orders (email)", "CREATE INDEX", "index", null),
                arguments("CREATE TABLE public.\"Orders\" (id bigint)", "CREATE TABLE", "table", "public.\"Orders\""),
                arguments("CREATE UNLOGGED TABLE IF NOT EXISTS staging (id int)", "CREATE TABLE", "table", "staging"),
                arguments("CREATE TABLE archive AS SELECT * FROM orders", "CREATE TABLE AS", "table", "archive"),
                arguments("CREATE TABLE t (id int, CHECK (id > 0))", "CREATE TABLE", "table", "t"),
                arguments("CREATE OR REPLACE VIEW v AS SELECT 1", "CREATE VIEW", "view", "v"),
                arguments("CREATE MATERIALIZED VIEW mv AS SELECT 1", "CREATE MATERIALIZED VIEW", "materialized view",
                        "mv"),
                arguments("CREATE OR REPLACE FUNCTION app.f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql",
                        "CREATE FUNCTION", "function", "app.f"),
                arguments("CREATE CONSTRAINT TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f()",
                        "CREATE TRIGGER", "trigger", "t"),
                arguments("ALTER TABLE IF EXISTS ONLY public.orders ADD COLUMN note text", "ALTER TABLE", "table",
                        "public.orders"),
                arguments("ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b", "ALTER TABLE", "table", null),
                arguments("ALTER TYPE order_status ADD VALUE 'refunded'", "ALTER TYPE", "type", "order_status"),
                arguments("ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO r",
                        "ALTER DEFAULT PRIVILEGES", "default privileges", null),
                arguments("DROP INDEX CONCURRENTLY IF EXISTS a_idx, b_idx", "DROP INDEX", "index", "a_idx"),
                arguments("DROP FOREIGN TABLE remote_orders", "DROP FOREIGN TABLE", "foreign table",
                        "remote_orders"),
                arguments("REINDEX (VERBOSE) TABLE CONCURRENTLY orders", "REINDEX", "table", "orders"),
                arguments("REFRESH MATERIALIZED VIEW CONCURRENTLY mv", "REFRESH MATERIALIZED VIEW",
                        "materialized view", "mv"),
                arguments("TRUNCATE TABLE ONLY orders CASCADE", "TRUNCATE TABLE", "table", "orders"),
                arguments("truncate orders", "TRUNCATE TABLE", "table", "orders"),
                arguments("VACUUM (FULL, ANALYZE) orders", "VACUUM FULL", null, null),
                arguments("VACUUM (FULL false) orders", "VACUUM", null, null),
                arguments("COMMENT ON TABLE orders IS 'x'", "COMMENT", null, null),
                arguments("DROP OWNED BY legacy_app", "DROP OWNED", "owned", null),
                arguments("GRANT SELECT ON orders TO reporting", "GRANT", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ddl")
    void readsTheCommandTagAndObjectFromTheLeadingKeywords(String sql, String tag, String type, String identity) {
        assertThat(DdlCommand.of(statement(sql))).contains(new DdlCommand(tag, type, identity));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "INSERT INTO t VALUES (1)", "UPDATE t SET a = 1", "DELETE FROM t",
            "WITH x AS (SELECT 1) SELECT * FROM x", "BEGIN", "COMMIT", "SET lock_timeout = '3s'", "DO $$ BEGIN END $$",
            "COPY t FROM STDIN", "(SELECT 1)", "LOCK TABLE t IN ACCESS EXCLUSIVE MODE"})
    void seesNoDdlInOtherStatements(String sql) {
        assertThat(DdlCommand.of(statement(sql))).isEmpty();
    }

    private static Statement statement(String sql) {
        return (Statement) StatementSplitter.split(sql).get(0);
    }
}
