package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in process on migration files in a temporary directory. */
class LintCommandTest {

    static final String CONCURRENT_INDEX = "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void migrations() throws Exception {
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id "
                + "bigint);\n");
        Files.writeString(dir.resolve("V2__index.sql"), "\\set ON_ERROR_STOP on\n" + CONCURRENT_INDEX);
    }

    @Test
    void passesAConcurrentIndexOutsideATransaction() {
        assertThat(run(dir.toString())).isEqualTo(LintCommand.PASSED);
        assertThat(stdout()).contains(dir.resolve("V2__index.sql") + ":1: note: psql meta-command skipped: "
                + "\\set ON_ERROR_STOP on").endsWith("2 files, 0 findings: passed (nothing open at or above HIGH)\n");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void failsItWhenTheRunnerWrapsEachFileInATransaction() {
        assertThat(run("--transaction=per-file", dir.toString())).isEqualTo(LintCommand.FAILED);
        assertThat(stdout()).contains(dir.resolve("V2__index.sql") + ":2: HIGH concurrently-in-transaction: "
                + "CREATE INDEX CONCURRENTLY orders_customer_idx is inside a transaction block")
                .contains("    fix: Run the statement in a migration of its own without a transaction")
                .endsWith("2 files, 1 finding: FAILED (open findings at or above HIGH)\n");
    }

    @Test
    void failsItInsideTheFilesOwnBeginCommit() throws Exception {
        Path file = Files.writeString(dir.resolve("V3__in_block.sql"), "BEGIN;\n" + CONCURRENT_INDEX + "COMMIT;\n");

        assertThat(run(file.toString())).isEqualTo(LintCommand.FAILED);
        assertThat(stdout()).contains(file + ":2: HIGH concurrently-in-transaction");
    }

    @Test
    void printsNotesAndFindingsInLineOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("V3__mixed.sql"), "\\echo one\n" + CONCURRENT_INDEX
                + "\\echo three\n");

        run("--transaction=per-file", file.toString());
        String report = stdout();
        assertThat(report.indexOf(file + ":1: note")).isLessThan(report.indexOf(file + ":2: HIGH"));
        assertThat(report.indexOf(file + ":2: HIGH")).isLessThan(report.indexOf(file + ":3: note"));
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertThat(run("--transaction=per-file", "--fail-on=critical", dir.toString())).isEqualTo(LintCommand.PASSED);
        assertThat(stdout()).contains("HIGH concurrently-in-transaction").endsWith("passed (nothing open at or above "
                + "CRITICAL)\n");
    }

    @Test
    void aStatementCommentSuppressesTheFinding() throws Exception {
        Path file = Files.writeString(dir.resolve("V3__accepted.sql"), "-- schemagov:ignore "
                + "concurrently-in-transaction the deploy job runs this file with psql in autocommit\n"
                + CONCURRENT_INDEX);

        assertThat(run("--transaction=per-file", file.toString())).isEqualTo(LintCommand.PASSED);
        assertThat(stdout()).contains("    suppressed (inline): the deploy job runs this file with psql in autocommit")
                .endsWith("1 file, 1 finding (1 suppressed): passed (nothing open at or above HIGH)\n");
    }

    @Test
    void theRulesFileCanDisableTheRule() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  concurrently-in-transaction:\n"
                + "    enabled: false\n");

        assertThat(run("--transaction=per-file", "--rules-file", rules.toString(), dir.toString()))
                .isEqualTo(LintCommand.PASSED);
        assertThat(stdout()).endsWith("2 files, 0 findings: passed (nothing open at or above HIGH)\n");
    }

    @Test
    void writesJson() {
        assertThat(run("--transaction=per-file", "--format=json", dir.resolve("V2__index.sql").toString()))
                .isEqualTo(LintCommand.FAILED);
        String file = Json.quote(dir.resolve("V2__index.sql").toString());
        assertThat(stdout()).startsWith("{\"files\":[{\"file\":" + file + ",\"findings\":[{\"line\":2,"
                + "\"commandTag\":\"CREATE INDEX\",\"rule\":\"concurrently-in-transaction\",\"severity\":\"HIGH\","
                + "\"object\":\"orders_customer_idx\",\"message\":\"CREATE INDEX CONCURRENTLY orders_customer_idx is "
                + "inside a transaction block")
                .contains("\"suppressed\":false,\"suppression\":null}],\"notes\":[{\"line\":1,\"message\":"
                        + "\"psql meta-command skipped: \\\\set ON_ERROR_STOP on\"}]}]")
                .endsWith(",\"summary\":{\"files\":1,\"findings\":1,\"failOn\":\"HIGH\",\"failed\":true}}\n");
    }

    @Test
    void aBadRulesFileIsNamedWithItsLine() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  no-such-rule:\n    enabled: false\n");

        assertThat(run("--rules-file=" + rules, dir.toString())).isEqualTo(LintCommand.BAD_INPUT);
        assertThat(stderr()).startsWith("schemagov-lint: bad rules file: " + rules + ", line 2: ")
                .contains("no-such-rule").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aMissingRulesFileIsNamed() {
        Path rules = dir.resolve("missing.yaml");

        assertThat(run("--rules-file", rules.toString(), dir.toString())).isEqualTo(LintCommand.BAD_INPUT);
        assertThat(stderr()).isEqualTo("schemagov-lint: " + rules + ": no such file\n");
    }

    @Test
    void aMissingMigrationIsNamed() {
        assertThat(run(dir.resolve("V9__gone.sql").toString())).isEqualTo(LintCommand.BAD_INPUT);
        assertThat(stderr()).isEqualTo("schemagov-lint: " + dir.resolve("V9__gone.sql")
                + ": no such file or directory, or not readable\n");
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws Exception {
        Path file = Files.write(dir.resolve("V3__latin1.sql"), new byte[] {'S', 'E', 'L', (byte) 0xE9, ';'});

        assertThat(run(file.toString())).isEqualTo(LintCommand.BAD_INPUT);
        assertThat(stderr()).startsWith("schemagov-lint: " + file + ": cannot read it as UTF-8 text");
    }

    @Test
    void aBadOptionIsNamed() {
        assertThat(run("--fail-on=severe", dir.toString())).isEqualTo(LintCommand.BAD_INPUT);
        assertThat(stderr()).startsWith("schemagov-lint: --fail-on must be one of");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isEqualTo(LintCommand.PASSED);
        assertThat(stdout()).isEqualTo(LintOptions.USAGE);
    }

    private int run(String... args) {
        return LintCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
