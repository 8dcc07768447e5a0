package io.schemagov.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.SchemaChangeEvent;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Risky changes that take more than one statement, run against the real PostgreSQL: what PostgreSQL did at each
 * step (an index left invalid, a constraint validated, a scan skipped), what the capture recorded of it, and what
 * the rules conclude.
 */
class MultiStepAccuracyIT {

    private static WatchedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = WatchedDatabase.start("accuracy_steps_it", "accuracy-steps");
        db.sql("DROP SCHEMA IF EXISTS steps CASCADE", "CREATE SCHEMA steps");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void failedConcurrentUniqueBuildLeavesAnInvalidIndexThatTheNextSnapshotShows() throws Exception {
        filled("steps.members");
        db.sql("UPDATE steps.members SET email = 'same@example.com' WHERE id <= 2");
        String build = "CREATE UNIQUE INDEX CONCURRENTLY members_email_key ON steps.members (email)";

        assertThatThrownBy(() -> db.sql(build)).isInstanceOf(SQLException.class).hasMessageContaining("duplicate");
        assertThat(db.value("SELECT indisvalid FROM pg_index WHERE indexrelid = ?::regclass",
                "steps.members_email_key")).isEqualTo(false);
        // A failed command reaches no ddl_command_end: the leftover shows in the table's next snapshot.
        db.sql("ALTER TABLE steps.members ADD COLUMN nickname text");
        SchemaChangeEvent next = db.awaitStatement("ALTER TABLE steps.members ADD COLUMN nickname text");
        assertThat(db.seen()).noneMatch(event -> build.equals(event.getStatement()));
        assertThat(next.getTables().get(0).getIndexes()).filteredOn(i -> i.getName().equals("members_email_key"))
                .singleElement().satisfies(index -> {
                    assertThat(index.getValid()).isFalse();
                    assertThat(index.getUnique()).isTrue();
                });
        assertThat(WatchedDatabase.findings(next, "invalid-index")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("members_email_key"));

        db.sql("DROP INDEX CONCURRENTLY steps.members_email_key", "COMMENT ON TABLE steps.members IS 'deduplicated'",
                "ALTER TABLE steps.members ADD COLUMN nickname2 text");
        SchemaChangeEvent fixed = db.awaitStatement("ALTER TABLE steps.members ADD COLUMN nickname2 text");
        assertThat(fixed.getTables().get(0).getIndexes()).extracting(IndexSnapshot::getName)
                .doesNotContain("members_email_key");
        assertThat(WatchedDatabase.findings(fixed, "invalid-index")).isEmpty();
    }

    @Test
    void setNotNullSkipsTheScanOnlyWithAValidatedCheck() throws Exception {
        filled("steps.plain_nn");
        filled("steps.proven_nn");
        String plain = "ALTER TABLE steps.plain_nn ALTER COLUMN email SET NOT NULL";
        List<String> scanned = db.sqlWithDebugMessages(plain);
        db.sql("ALTER TABLE steps.proven_nn ADD CONSTRAINT proven_nn_email_nn CHECK (email IS NOT NULL) NOT VALID",
                "ALTER TABLE steps.proven_nn VALIDATE CONSTRAINT proven_nn_email_nn");
        String proven = "ALTER TABLE steps.proven_nn ALTER COLUMN email SET NOT NULL";
        List<String> skipped = db.sqlWithDebugMessages(proven);

        // PostgreSQL says at DEBUG1 when existing constraints spare it the scan.
        assertThat(scanned).noneMatch(message -> message.contains("sufficient to prove"));
        assertThat(skipped).anyMatch(message -> message.contains("sufficient to prove"));
        assertThat(WatchedDatabase.firedRules(db.awaitStatement(plain))).contains("set-not-null-scans-table");
        SchemaChangeEvent provenEvent = db.awaitStatement(proven);
        assertThat(provenEvent.getTables().get(0).getConstraints()).anySatisfy(constraint -> {
            assertThat(constraint.getName()).isEqualTo("proven_nn_email_nn");
            assertThat(constraint.getValidated()).isTrue();
        });
        assertThat(WatchedDatabase.firedRules(provenEvent)).doesNotContain("set-not-null-scans-table");
    }

    @Test
    void validateInTheSameTransactionHoldsTheAddsLockAndInItsOwnDoesNot() throws Exception {
        filled("steps.same_tx");
        filled("steps.own_tx");
        db.transaction("ALTER TABLE steps.same_tx ADD CONSTRAINT same_tx_total CHECK (total >= 0) NOT VALID",
                "ALTER TABLE steps.same_tx VALIDATE CONSTRAINT same_tx_total");
        String addOwn = "ALTER TABLE steps.own_tx ADD CONSTRAINT own_tx_total CHECK (total >= 0) NOT VALID";
        db.sql(addOwn, "ALTER TABLE steps.own_tx VALIDATE CONSTRAINT own_tx_total");

        SchemaChangeEvent added = db.awaitStatement(addOwn);
        assertThat(added.getTables().get(0).getConstraints()).filteredOn(c -> c.getName().equals("own_tx_total"))
                .singleElement().satisfies(c -> assertThat(c.getValidated()).isFalse());
        assertThat(WatchedDatabase.firedRules(added)).doesNotContain("constraint-without-not-valid");
        SchemaChangeEvent sameTx = db.awaitStatement("ALTER TABLE steps.same_tx VALIDATE CONSTRAINT same_tx_total");
        assertThat(sameTx.getInTransactionBlock()).isTrue();
        assertThat(WatchedDatabase.firedRules(sameTx)).contains("validate-in-same-transaction");
        SchemaChangeEvent ownTx = db.awaitStatement("ALTER TABLE steps.own_tx VALIDATE CONSTRAINT own_tx_total");
        assertThat(ownTx.getInTransactionBlock()).isFalse();
        assertThat(ownTx.getTables().get(0).getConstraints()).filteredOn(c -> c.getName().equals("own_tx_total"))
                .singleElement().satisfies(c -> assertThat(c.getValidated()).isTrue());
        assertThat(WatchedDatabase.firedRules(ownTx)).doesNotContain("validate-in-same-transaction",
                "constraint-without-not-valid", "no-statement-timeout");
        assertThat(db.value("SELECT convalidated FROM pg_constraint WHERE conname = ?", "own_tx_total"))
                .isEqualTo(true);
    }

    @Test
    void aDdlAfterAReadOfTheSameTransactionRunsInATransactionBlock() throws Exception {
        filled("steps.read_first");
        db.transaction("SELECT count(*) FROM steps.read_first",
                "ALTER TABLE steps.read_first ADD COLUMN after_read text");
        db.sql("ALTER TABLE steps.read_first ADD COLUMN alone text");

        // The read's lock is held until commit, and so is the ACCESS EXCLUSIVE lock the ALTER adds to it.
        assertThat(db.awaitStatement("ALTER TABLE steps.read_first ADD COLUMN after_read text")
                .getInTransactionBlock()).isTrue();
        assertThat(db.awaitStatement("ALTER TABLE steps.read_first ADD COLUMN alone text").getInTransactionBlock())
                .isFalse();
    }

    @Test
    void lockTimeoutIsTheOneInEffectWhenTheDdlRan() throws Exception {
        filled("steps.timed");
        db.transaction("SET LOCAL lock_timeout = '1500ms'", "SET LOCAL statement_timeout = '90s'",
                "ALTER TABLE steps.timed ADD COLUMN local_limit text");
        db.sql("ALTER TABLE steps.timed ADD COLUMN no_limit text");

        SchemaChangeEvent limited = db.awaitStatement("ALTER TABLE steps.timed ADD COLUMN local_limit text");
        assertThat(limited.getLockTimeoutMs()).isEqualTo(1500);
        assertThat(limited.getStatementTimeoutMs()).isEqualTo(90_000);
        assertThat(WatchedDatabase.firedRules(limited)).doesNotContain("lock-without-lock-timeout");
        SchemaChangeEvent unlimited = db.awaitStatement("ALTER TABLE steps.timed ADD COLUMN no_limit text");
        assertThat(unlimited.getLockTimeoutMs()).isZero();
        assertThat(WatchedDatabase.firedRules(unlimited)).contains("lock-without-lock-timeout");
    }

    @Test
    void detachPartitionBlocksUnlessConcurrently() throws Exception {
        db.sql("CREATE TABLE steps.sales (id int NOT NULL, year int NOT NULL) PARTITION BY LIST (year)",
                "CREATE TABLE steps.sales_2023 PARTITION OF steps.sales FOR VALUES IN (2023)",
                "CREATE TABLE steps.sales_2024 PARTITION OF steps.sales FOR VALUES IN (2024)",
                "INSERT INTO steps.sales SELECT g, 2023 + g % 2 FROM generate_series(1, 2000) g");
        String plain = "ALTER TABLE steps.sales DETACH PARTITION steps.sales_2023";
        String concurrent = "ALTER TABLE steps.sales DETACH PARTITION steps.sales_2024 CONCURRENTLY";
        db.sql(plain, concurrent);

        assertThat(WatchedDatabase.firedRules(db.awaitStatement(plain)))
                .contains("detach-partition-without-concurrently");
        assertThat(WatchedDatabase.firedRules(db.awaitStatement(concurrent)))
                .doesNotContain("detach-partition-without-concurrently");
    }

    @Test
    void schemaDroppedAndRenamed() throws Exception {
        db.sql("CREATE SCHEMA steps_old", "CREATE SCHEMA steps_gone", "ALTER SCHEMA steps_old RENAME TO steps_new",
                "DROP SCHEMA steps_gone");

        assertThat(WatchedDatabase.firedRules(db.awaitStatement("ALTER SCHEMA steps_old RENAME TO steps_new")))
                .contains("schema-renamed");
        SchemaChangeEvent dropped = db.awaitStatement("DROP SCHEMA steps_gone");
        assertThat(dropped.getDroppedObjects()).anySatisfy(d -> assertThat(d.getObjectIdentity())
                .isEqualTo("steps_gone"));
        assertThat(WatchedDatabase.firedRules(dropped)).contains("schema-dropped");
    }

    /** A table of 2,000 analysed rows with a nullable but always filled email. */
    private static void filled(String table) throws SQLException {
        db.sql("CREATE TABLE " + table + " (id int PRIMARY KEY, email text, total numeric NOT NULL)",
                "INSERT INTO " + table + " SELECT g, 'u' || g || '@example.com', g FROM generate_series(1, 2000) g",
                "ANALYZE " + table);
    }
}
