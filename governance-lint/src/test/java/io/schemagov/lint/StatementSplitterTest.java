package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.schemagov.lint.ScriptPart.MetaCommand;
import io.schemagov.lint.ScriptPart.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementSplitterTest {

    /** Script, the statements' texts, and the line each statement's first token is on. */
    static Stream<Arguments> scripts() {
        return Stream.of(
                arguments("two statements", "CREATE TABLE a (id int);\nDROP TABLE b;",
                        List.of("CREATE TABLE a (id int)", "DROP TABLE b"), List.of(1, 2)),
                arguments("no final semicolon", "SELECT 1;\n\nSELECT 2", List.of("SELECT 1", "SELECT 2"),
                        List.of(1, 3)),
                arguments("semicolon in a string", "INSERT INTO t VALUES ('a;b');\nSELECT 1;",
                        List.of("INSERT INTO t VALUES ('a;b')", "SELECT 1"), List.of(1, 2)),
                arguments("doubled quote", "SELECT 'it''s; fine';SELECT 2;",
                        List.of("SELECT 'it''s; fine'", "SELECT 2"), List.of(1, 1)),
                arguments("E string with backslash escapes", "SELECT E'a\\';b';\nSELECT 2;",
                        List.of("SELECT E'a\\';b'", "SELECT 2"), List.of(1, 2)),
                arguments("backslash is plain in a standard string", "SELECT 'a\\';\nSELECT 2;",
                        List.of("SELECT 'a\\'", "SELECT 2"), List.of(1, 2)),
                arguments("quoted identifier", "CREATE TABLE \"semi;colon\" (id int);SELECT 1;",
                        List.of("CREATE TABLE \"semi;colon\" (id int)", "SELECT 1"), List.of(1, 1)),
                arguments("dollar-quoted body", "CREATE FUNCTION f() RETURNS int AS $$\nSELECT 1;\n$$ LANGUAGE sql;\n"
                        + "SELECT f();", List.of("CREATE FUNCTION f() RETURNS int AS $$\nSELECT 1;\n$$ LANGUAGE sql",
                                "SELECT f()"), List.of(1, 4)),
                arguments("tagged dollar quote holding $$", "DO $body$ BEGIN PERFORM '$$;'; END $body$;\nSELECT 1;",
                        List.of("DO $body$ BEGIN PERFORM '$$;'; END $body$", "SELECT 1"), List.of(1, 2)),
                arguments("positional parameter is no dollar quote", "PREPARE p AS SELECT $1;\nSELECT 2;",
                        List.of("PREPARE p AS SELECT $1", "SELECT 2"), List.of(1, 2)),
                arguments("line comments, one after the semicolon", "-- a; b\nSELECT 1; -- c; d\nSELECT 2;",
                        List.of("-- a; b\nSELECT 1 -- c; d", "SELECT 2"), List.of(2, 3)),
                arguments("nested block comment", "/* outer /* inner; */ still; */ SELECT 1;\nSELECT 2;",
                        List.of("/* outer /* inner; */ still; */ SELECT 1", "SELECT 2"), List.of(1, 2)),
                arguments("comment lines do not move the line", "/* one\ntwo\n*/\n\nCREATE INDEX i ON t (c);",
                        List.of("/* one\ntwo\n*/\n\nCREATE INDEX i ON t (c)"), List.of(5)),
                arguments("multi-line string keeps counting", "SELECT 'a\nb\nc';\nSELECT 2;",
                        List.of("SELECT 'a\nb\nc'", "SELECT 2"), List.of(1, 4)),
                arguments("BEGIN ATOMIC body", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC\n"
                        + "SELECT 1;\nSELECT CASE WHEN true THEN 2 END;\nEND;\nSELECT 3;",
                        List.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC\nSELECT 1;\n"
                                + "SELECT CASE WHEN true THEN 2 END;\nEND", "SELECT 3"), List.of(1, 5)),
                arguments("BEGIN and END as transaction control", "BEGIN;\nCREATE INDEX i ON t (c);\nEND;",
                        List.of("BEGIN", "CREATE INDEX i ON t (c)", "END"), List.of(1, 2, 3)),
                arguments("only comments and blanks", "-- nothing\n/* here */\n;\n", List.of(), List.of()),
                arguments("unterminated string runs to the end", "SELECT 1;\nSELECT 'open;",
                        List.of("SELECT 1", "SELECT 'open;"), List.of(1, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void splitsAtSemicolonsOutsideQuotesAndComments(String name, String script, List<String> texts,
            List<Integer> lines) {
        List<Statement> statements = statements(script);

        assertThat(statements).extracting(Statement::text).containsExactlyElementsOf(texts);
        assertThat(statements).extracting(Statement::line).containsExactlyElementsOf(lines);
    }

    @Test
    void keepsPsqlMetaCommandsApartWithTheirLines() {
        List<ScriptPart> parts = StatementSplitter.split(
                "\\set ON_ERROR_STOP on\nBEGIN;\n  \\echo creating\nCREATE TABLE t (id int);\nCOMMIT;\n");

        assertThat(parts).filteredOn(MetaCommand.class::isInstance).map(MetaCommand.class::cast)
                .extracting(MetaCommand::text, MetaCommand::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("\\set ON_ERROR_STOP on", 1),
                        org.assertj.core.groups.Tuple.tuple("\\echo creating", 3));
        assertThat(statements(parts)).extracting(Statement::text)
                .containsExactly("BEGIN", "CREATE TABLE t (id int)", "COMMIT");
    }

    @Test
    void endsTheStatementAtBackslashG() {
        List<ScriptPart> parts = StatementSplitter.split("SELECT format('VACUUM %I', 't')\n\\gexec\nSELECT 2;");

        assertThat(statements(parts)).extracting(Statement::text)
                .containsExactly("SELECT format('VACUUM %I', 't')", "SELECT 2");
    }

    @Test
    void aBackslashInsideAStatementLineIsNoMetaCommand() {
        assertThat(statements("SELECT E'\\n';\n")).extracting(Statement::text).containsExactly("SELECT E'\\n'");
    }

    @Test
    void readsTokensWithoutCommentsAndWithStringContent() {
        Statement statement = statements("SET /* x */ lock_timeout = '3s' -- y\n;").get(0);

        assertThat(statement.tokens()).extracting(SqlToken::text).containsExactly("SET", "lock_timeout", "=", "3s");
        assertThat(statement.tokens().get(3).kind()).isEqualTo(SqlToken.Kind.STRING);
    }

    private static List<Statement> statements(String script) {
        return statements(StatementSplitter.split(script));
    }

    private static List<Statement> statements(List<ScriptPart> parts) {
        return parts.stream().filter(Statement.class::isInstance).map(Statement.class::cast).toList();
    }
}
