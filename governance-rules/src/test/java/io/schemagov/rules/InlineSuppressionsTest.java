package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.rules.InlineSuppressions.Directive;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InlineSuppressionsTest {

    private static final Set<String> KNOWN = Set.of("primary-key-missing", "index-without-concurrently");

    @Test
    void readsLineAndBlockComments() {
        InlineSuppressions found = InlineSuppressions.in("""
                CREATE TABLE event_log (payload jsonb) -- schemagov:ignore primary-key-missing append-only log
                /* schemagov:ignore index-without-concurrently built before go-live */""", KNOWN);

        assertThat(found.directives()).containsExactly(
                new Directive("primary-key-missing", "append-only log"),
                new Directive("index-without-concurrently", "built before go-live"));
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void oneCommentMayNameSeveralRules() {
        InlineSuppressions found = InlineSuppressions.in(
                "CREATE INDEX i ON t (c) -- schemagov:ignore primary-key-missing,index-without-concurrently empty table",
                KNOWN);

        assertThat(found.reasonFor("primary-key-missing")).isEqualTo("empty table");
        assertThat(found.reasonFor("index-without-concurrently")).isEqualTo("empty table");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT '-- schemagov:ignore primary-key-missing in a string'",
            "SELECT $$ -- schemagov:ignore primary-key-missing in a body $$",
            "SELECT $fn$ /* schemagov:ignore primary-key-missing */ $fn$",
            "SELECT \"-- schemagov:ignore primary-key-missing\" FROM t",
            "SELECT 'it''s -- schemagov:ignore primary-key-missing quoted'",
            "CREATE TABLE t (id int) -- no directive here"})
    void ignoresTextThatIsNotAComment(String statement) {
        InlineSuppressions found = InlineSuppressions.in(statement, KNOWN);

        assertThat(found.directives()).isEmpty();
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void aPositionalParameterDoesNotOpenADollarQuote() {
        InlineSuppressions found = InlineSuppressions.in(
                "PREPARE p AS SELECT $1 -- schemagov:ignore primary-key-missing prepared", KNOWN);

        assertThat(found.reasonFor("primary-key-missing")).isEqualTo("prepared");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-- schemagov:ignore                              | names no rule",
            "-- schemagov:ignore primary-key-missing          | gives no reason",
            "-- schemagov:ignore no-such-rule because I said  | unknown rule no-such-rule"})
    void reportsMalformedDirectivesInsteadOfApplyingThem(String comment, String problem) {
        InlineSuppressions found = InlineSuppressions.in("CREATE TABLE t (id int) " + comment, KNOWN);

        assertThat(found.directives()).isEmpty();
        assertThat(found.problems()).singleElement().asString().contains(problem);
    }

    @Test
    void findsNothingWithoutAStatement() {
        assertThat(InlineSuppressions.in(null, KNOWN)).isEqualTo(InlineSuppressions.NONE);
        assertThat(InlineSuppressions.comments("a -- one\nb /* two */ c")).isEqualTo(List.of(" one", " two "));
    }
}
