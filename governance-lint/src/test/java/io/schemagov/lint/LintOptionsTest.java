package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.schemagov.rules.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LintOptionsTest {

    @Test
    void defaultsToExplicitTransactionsTextAndFailingOnHigh() {
        LintOptions options = LintOptions.parse(new String[] {"db/migration"});

        assertThat(options).isEqualTo(new LintOptions(false, TransactionMode.EXPLICIT, null,
                LintOptions.Format.TEXT, Severity.HIGH, List.of("db/migration")));
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        LintOptions options = LintOptions.parse(new String[] {"--transaction", "per-file", "--rules-file=r.yaml",
                "--format", "JSON", "--fail-on=none", "a.sql", "--", "--odd-name.sql"});

        assertThat(options).isEqualTo(new LintOptions(false, TransactionMode.PER_FILE, "r.yaml",
                LintOptions.Format.JSON, null, List.of("a.sql", "--odd-name.sql")));
    }

    @Test
    void helpNeedsNoFiles() {
        assertThat(LintOptions.parse(new String[] {"--help"}).help()).isTrue();
    }

    @Test
    void helpSaysWhichTransactionModeIsTheDefault() {
        assertThat(LintOptions.USAGE).contains("explicit (the default)").contains("per-file")
                .contains("Flyway, Liquibase and Rails");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                arguments(new String[] {"--transactions=explicit", "a.sql"}, "unknown option --transactions"),
                arguments(new String[] {"--transaction=implicit", "a.sql"},
                        "--transaction must be explicit or per-file, not 'implicit'"),
                arguments(new String[] {"--format=xml", "a.sql"}, "--format must be text or json, not 'xml'"),
                arguments(new String[] {"--fail-on=severe", "a.sql"}, "--fail-on must be one of"),
                arguments(new String[] {"a.sql", "--rules-file"}, "--rules-file needs a value"),
                arguments(new String[] {"--format=json"}, "no migration file or directory given"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void namesTheMistake(String[] args, String message) {
        assertThatThrownBy(() -> LintOptions.parse(args)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(message);
    }
}
