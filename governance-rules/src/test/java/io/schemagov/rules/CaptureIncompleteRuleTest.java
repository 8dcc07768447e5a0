package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaptureIncompleteRuleTest {

    private final CaptureIncompleteRule rule = new CaptureIncompleteRule();

    static Stream<Arguments> incompleteCaptures() {
        return Stream.of(
                fires("snapshot failed on a DDL change", ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders ...")
                        .objectType("table").captureError("permission denied for table orders").build(),
                        Severity.INFO, "could not record everything for ALTER TABLE public.orders",
                        "permission denied for table orders"),
                fires("baseline of a table", Events.baseline(table("public.orders").build())
                        .captureError("relation \"public.orders\" does not exist").build(), Severity.INFO,
                        "for BASELINE public.orders", "does not exist"),
                fires("change without an object", ddl("DROP INDEX", null, "DROP INDEX x")
                        .captureError("timeout reading catalog").build(), Severity.INFO,
                        "for DROP INDEX: timeout reading catalog"));
    }

    static Stream<Named<SchemaChangeEvent>> completeCaptures() {
        return Stream.of(
                silent("DDL change", ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders ADD note text").build()),
                silent("baseline", Events.baseline(table("public.orders").build()).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteCaptures")
    void reportsCaptureError(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo(event.getObjectIdentity());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completeCaptures")
    void staysQuietWhenCaptureIsComplete(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void namesTheTableWhenTheObjectIsATable() {
        SchemaChangeEvent event = ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders ...").objectType("table")
                .captureError("boom").build();

        assertThat(rule.evaluate(event, RuleSettings.defaults()).get(0).table()).isEqualTo("orders");
        assertThat(rule.runsOnBaseline()).isTrue();
    }
}
