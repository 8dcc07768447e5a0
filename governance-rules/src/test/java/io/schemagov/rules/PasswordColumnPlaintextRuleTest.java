package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordColumnPlaintextRuleTest {

    private final PasswordColumnPlaintextRule rule = new PasswordColumnPlaintextRule();

    static Stream<Arguments> plaintextSecrets() {
        return Stream.of(
                fires("password", table("public.users").column("id", "bigint").column("password", "text").build(),
                        Severity.HIGH, "public.users has text columns named like credentials with no sign of "
                                + "hashing or encryption: password text"),
                fires("variants", table("public.users").column("user_pwd", "character varying(64)")
                        .column("passwd", "text").column("clientSecret", "text").column("api_key", "text").build(),
                        Severity.HIGH, "user_pwd character varying(64), passwd text, clientSecret text, api_key text"));
    }

    static Stream<Named<TableSnapshot>> protectedOrUnrelated() {
        return Stream.of(
                silent("hashed", table("public.users").column("password_hash", "text")
                        .column("password_digest", "text").column("encrypted_password", "character varying(255)")
                        .column("crypted_password", "text").build()),
                silent("not text", table("public.users").column("password", "bytea")
                        .column("password_changed_at", "timestamp with time zone").build()),
                silent("about passwords, not one", table("public.users").column("password_reset_token_sent", "text")
                        .column("secret_question", "text").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plaintextSecrets")
    void flagsPlaintextSecrets(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContain("id bigint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedOrUnrelated")
    void acceptsHashesAndOtherColumns(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
