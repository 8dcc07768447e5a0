package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged target/schemagov-lint.jar run with java -jar on migration files, as CI runs it. */
class LintJarIT {

    private static final Path JAR = Path.of(System.getProperty("schemagov.lint.jar", "target/schemagov-lint.jar"));

    @TempDir
    Path dir;

    private Path migrations;

    /** A Flyway-style directory: a table, then an index built concurrently in a file of its own. */
    @BeforeEach
    void migrations() throws IOException {
        migrations = Files.createDirectory(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__orders.sql"), """
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, note text);
                INSERT INTO orders VALUES (1, 1, 'first');
                """);
        Files.writeString(migrations.resolve("V10__drop_note.sql"), "ALTER TABLE orders DROP COLUMN note;\n");
        Files.writeString(migrations.resolve("V2__customer_index.sql"), """
                SET lock_timeout = '3s';
                CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
                """);
    }

    @Test
    void passesTheDirectoryWhenEachFileRunsOnItsOwn() throws Exception {
        Result result = lint(migrations.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.stdout()).isEqualTo("3 files, 0 findings: passed (nothing open at or above HIGH)\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void failsTheDirectoryWhenTheRunnerWrapsEachFileInATransaction() throws Exception {
        Result result = lint("--transaction=per-file", migrations.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stdout()).startsWith(migrations.resolve("V2__customer_index.sql")
                + ":2: HIGH concurrently-in-transaction: CREATE INDEX CONCURRENTLY orders_customer_idx is inside a "
                + "transaction block").endsWith("3 files, 1 finding: FAILED (open findings at or above HIGH)\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void writesJsonInTheOrderFlywayRunsTheFiles() throws Exception {
        Result result = lint("--transaction=per-file", "--format=json", "--fail-on=none", migrations.toString());

        assertThat(result.exit()).isZero();
        String json = result.stdout();
        assertThat(json.indexOf("V1__orders.sql")).isLessThan(json.indexOf("V2__customer_index.sql"));
        assertThat(json.indexOf("V2__customer_index.sql")).isLessThan(json.indexOf("V10__drop_note.sql"));
        assertThat(json).contains("\"line\":2,\"commandTag\":\"CREATE INDEX\",\"rule\":\"concurrently-in-transaction\","
                + "\"severity\":\"HIGH\"").endsWith("\"summary\":{\"files\":3,\"findings\":1,\"failOn\":\"NONE\","
                        + "\"failed\":false}}\n");
    }

    @Test
    void aBadRulesFileExitsWithTwoAndOneLine() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules: [not, a, mapping]\n");

        Result result = lint("--rules-file", rules.toString(), migrations.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("schemagov-lint: bad rules file: " + rules + ", line 1: ")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void anUnknownOptionExitsWithTwo() throws Exception {
        Result result = lint("--strict", migrations.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("schemagov-lint: unknown option --strict (see --help)\n");
    }

    @Test
    void helpNamesTheDefaultTransactionMode() throws Exception {
        Result result = lint("--help");

        assertThat(result.exit()).isZero();
        assertThat(result.stdout()).contains("explicit (the default)").contains("--fail-on");
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result lint(String... args) throws Exception {
        assertThat(JAR).as("the packaged lint (mvn package builds it)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the lint finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
