package io.schemagov.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each risky statement runs against the real PostgreSQL on a table of 2,000 analysed rows; the test checks what
 * PostgreSQL really did (was the table's file replaced?), that the captured event says the same, and that the rules
 * fire, or stay silent, as PostgreSQL behaved.
 */
class RuleAccuracyIT {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static WatchedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = WatchedDatabase.start("accuracy_it", "accuracy");
        db.sql("DROP SCHEMA IF EXISTS accuracy CASCADE", "CREATE SCHEMA accuracy",
                "CREATE TABLE accuracy.customers (id int PRIMARY KEY)",
                "INSERT INTO accuracy.customers SELECT generate_series(1, 10)");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /**
     * A statement on a fresh table {@code {t}}: whether PostgreSQL rewrote the table (null: not asserted), the rules
     * that must fire and those that must stay silent.
     */
    record Case(List<String> setup, String session, String statement, Boolean rewrites, Set<String> fires,
            Set<String> silent) {

        static Case of(String statement, Boolean rewrites, Set<String> fires, Set<String> silent) {
            return new Case(List.of(), null, statement, rewrites, fires, silent);
        }

        Case after(String... setupStatements) {
            return new Case(List.of(setupStatements), session, statement, rewrites, fires, silent);
        }

        /** With a SET run earlier in the same session. */
        Case withSession(String set) {
            return new Case(setup, set, statement, rewrites, fires, silent);
        }
    }

    static Stream<Named<Case>> statements() {
        return Stream.of(
                named("int to bigint rewrites", Case.of("ALTER TABLE {t} ALTER COLUMN customer_id TYPE bigint", true,
                        Set.of("table-rewrite", "column-type-change-rewrites"), Set.of("type-narrowed"))),
                named("varchar length increase does not rewrite", Case.of(
                        "ALTER TABLE {t} ALTER COLUMN code TYPE varchar(40)", false, Set.of(),
                        Set.of("table-rewrite", "column-type-change-rewrites", "type-narrowed"))),
                named("varchar to text does not rewrite", Case.of("ALTER TABLE {t} ALTER COLUMN code TYPE text", false,
                        Set.of(), Set.of("table-rewrite", "column-type-change-rewrites", "type-narrowed"))),
                named("varchar shortened rewrites and narrows", Case.of(
                        "ALTER TABLE {t} ALTER COLUMN code TYPE varchar(10)", true,
                        Set.of("table-rewrite", "type-narrowed"), Set.of())),
                named("volatile default rewrites", Case.of(
                        "ALTER TABLE {t} ADD COLUMN stamp timestamptz DEFAULT clock_timestamp()", true,
                        Set.of("table-rewrite", "volatile-default-rewrites"), Set.of())),
                named("constant default does not rewrite", Case.of(
                        "ALTER TABLE {t} ADD COLUMN flag boolean NOT NULL DEFAULT false", false, Set.of(),
                        Set.of("table-rewrite", "volatile-default-rewrites", "not-null-column-without-default"))),
                named("stable now() default does not rewrite", Case.of(
                        "ALTER TABLE {t} ADD COLUMN seen_at timestamptz DEFAULT now()", false, Set.of(),
                        Set.of("table-rewrite", "volatile-default-rewrites"))),
                named("bigserial column rewrites", Case.of("ALTER TABLE {t} ADD COLUMN seq bigserial", true,
                        Set.of("identity-or-serial-added", "table-rewrite"), Set.of())),
                named("identity column", Case.of(
                        "ALTER TABLE {t} ADD COLUMN seq2 bigint GENERATED ALWAYS AS IDENTITY", null,
                        Set.of("identity-or-serial-added"), Set.of())),
                named("CHECK validated under lock", Case.of(
                        "ALTER TABLE {t} ADD CONSTRAINT {n}_total_check CHECK (total >= 0)", false,
                        Set.of("constraint-without-not-valid", "no-statement-timeout"), Set.of())),
                named("CHECK NOT VALID", Case.of(
                        "ALTER TABLE {t} ADD CONSTRAINT {n}_total_check CHECK (total >= 0) NOT VALID", false,
                        Set.of(), Set.of("constraint-without-not-valid", "no-statement-timeout"))),
                named("CHECK validated with a statement_timeout", Case.of(
                        "ALTER TABLE {t} ADD CONSTRAINT {n}_total_check CHECK (total >= 0)", false,
                        Set.of("constraint-without-not-valid"), Set.of("no-statement-timeout"))
                        .withSession("SET statement_timeout = '1min'")),
                named("foreign key validated under lock", Case.of("ALTER TABLE {t} ADD CONSTRAINT {n}_customer_fk "
                        + "FOREIGN KEY (customer_id) REFERENCES accuracy.customers (id)", false,
                        Set.of("constraint-without-not-valid"), Set.of())),
                named("UNIQUE built under lock", Case.of("ALTER TABLE {t} ADD CONSTRAINT {n}_id_email_key "
                        + "UNIQUE (id, email)", false, Set.of("unique-or-primary-key-without-using-index"), Set.of())),
                named("UNIQUE USING INDEX", Case.of("ALTER TABLE {t} ADD CONSTRAINT {n}_ie_key UNIQUE USING INDEX "
                        + "{n}_ie_key", false, Set.of(), Set.of("unique-or-primary-key-without-using-index"))
                        .after("CREATE UNIQUE INDEX CONCURRENTLY {n}_ie_key ON {t} (id, email)")),
                named("SET NOT NULL scans", Case.of("ALTER TABLE {t} ALTER COLUMN email SET NOT NULL", false,
                        Set.of("set-not-null-scans-table"), Set.of())),
                named("no lock_timeout", Case.of("ALTER TABLE {t} ADD COLUMN extra text", false,
                        Set.of("lock-without-lock-timeout"), Set.of())),
                named("lock_timeout set in the session", Case.of("ALTER TABLE {t} ADD COLUMN extra text", false,
                        Set.of(), Set.of("lock-without-lock-timeout")).withSession("SET lock_timeout = '2s'")),
                named("plain CREATE INDEX", Case.of("CREATE INDEX {n}_email_idx ON {t} (email)", false,
                        Set.of("index-without-concurrently"), Set.of())),
                named("CREATE INDEX CONCURRENTLY", Case.of("CREATE INDEX CONCURRENTLY {n}_email_idx ON {t} (email)",
                        false, Set.of(), Set.of("index-without-concurrently"))),
                named("plain DROP INDEX", Case.of("DROP INDEX accuracy.{n}_code_idx", false,
                        Set.of("index-dropped-without-concurrently"), Set.of())
                        .after("CREATE INDEX {n}_code_idx ON {t} (code)")),
                named("DROP INDEX CONCURRENTLY", Case.of("DROP INDEX CONCURRENTLY accuracy.{n}_code_idx", false,
                        Set.of(), Set.of("index-dropped-without-concurrently"))
                        .after("CREATE INDEX {n}_code_idx ON {t} (code)")),
                named("plain REINDEX", Case.of("REINDEX INDEX accuracy.{n}_code_idx", false,
                        Set.of("reindex-without-concurrently"), Set.of())
                        .after("CREATE INDEX {n}_code_idx ON {t} (code)")),
                named("REINDEX CONCURRENTLY", Case.of("REINDEX INDEX CONCURRENTLY accuracy.{n}_code_idx", false,
                        Set.of(), Set.of("reindex-without-concurrently"))
                        .after("CREATE INDEX {n}_code_idx ON {t} (code)")),
                named("DROP COLUMN", Case.of("ALTER TABLE {t} DROP COLUMN email", false, Set.of("column-dropped"),
                        Set.of())),
                named("RENAME COLUMN", Case.of("ALTER TABLE {t} RENAME COLUMN email TO email_address", false,
                        Set.of("column-renamed"), Set.of())),
                named("RENAME TABLE", Case.of("ALTER TABLE {t} RENAME TO {n}_renamed", false,
                        Set.of("table-renamed"), Set.of())),
                named("DROP NOT NULL", Case.of("ALTER TABLE {t} ALTER COLUMN note DROP NOT NULL", false,
                        Set.of("not-null-dropped"), Set.of())),
                named("foreign key dropped", Case.of("ALTER TABLE {t} DROP CONSTRAINT {n}_fk", false,
                        Set.of("foreign-key-dropped"), Set.of()).after("ALTER TABLE {t} ADD CONSTRAINT {n}_fk "
                                + "FOREIGN KEY (customer_id) REFERENCES accuracy.customers (id)")),
                named("DROP TABLE", Case.of("DROP TABLE {t}", null, Set.of("table-dropped"),
                        Set.of("drop-cascade"))),
                named("DROP TABLE CASCADE takes a view along", Case.of("DROP TABLE {t} CASCADE", null,
                        Set.of("table-dropped", "drop-cascade"), Set.of())
                        .after("CREATE VIEW {t}_view AS SELECT id FROM {t}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void rulesJudgeWhatPostgresDid(Case c) throws Exception {
        String name = "t_" + TABLES.incrementAndGet();
        String table = "accuracy." + name;
        db.sql("CREATE TABLE " + table + " (id int PRIMARY KEY, customer_id int NOT NULL, code varchar(20), "
                        + "total numeric NOT NULL, email text, note text NOT NULL DEFAULT '')",
                "INSERT INTO " + table + " SELECT g, g % 10 + 1, 'c' || g, g, 'u' || g || '@example.com' "
                        + "FROM generate_series(1, 2000) g",
                "ANALYZE " + table);
        for (String setup : c.setup()) {
            db.sql(fill(setup, table, name));
        }
        long oid = ((Number) db.value("SELECT ?::regclass::oid", table)).longValue();
        Object fileBefore = db.value("SELECT relfilenode FROM pg_class WHERE oid = ?", oid);
        String statement = fill(c.statement(), table, name);
        if (c.session() == null) {
            db.sql(statement);
        } else {
            db.sql(c.session(), statement);
        }

        SchemaChangeEvent event = db.awaitStatement(statement);
        assertThat(event.getInTransactionBlock()).as("ran alone in its transaction").isFalse();
        if (c.rewrites() != null) {
            Object fileAfter = db.value("SELECT relfilenode FROM pg_class WHERE oid = ?", oid);
            assertThat(!fileBefore.equals(fileAfter)).as("PostgreSQL rewrote %s", table).isEqualTo(c.rewrites());
            assertThat(event.getRewrites()).as("rewrites captured").hasSize(c.rewrites() ? 1 : 0);
        }
        Set<String> fired = WatchedDatabase.firedRules(event);
        for (String rule : c.fires()) {
            assertThat(fired).as("rules fired on %s, captured as %s", statement, event).contains(rule);
        }
        for (String rule : c.silent()) {
            assertThat(fired).as("rules fired on %s, captured as %s", statement, event).doesNotContain(rule);
        }
    }

    private static String fill(String template, String table, String name) {
        return template.replace("{t}", table).replace("{n}", name);
    }

    private static Named<Case> named(String name, Case c) {
        return Named.of(name, c);
    }
}
