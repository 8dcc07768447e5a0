package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.inTransactionBlock;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnumValueChangedRuleTest {

    private final EnumValueChangedRule rule = new EnumValueChangedRule();

    private static SchemaChangeEvent alterType(String sql) {
        return Events.ddl("ALTER TYPE", "public.order_status", sql).objectType("type")
                .object("ALTER TYPE", "type", "public.order_status").build();
    }

    static Stream<Arguments> enumChanges() {
        return Stream.of(
                fires("rename", alterType("ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched'"),
                        Severity.MEDIUM,
                        "ALTER TYPE public.order_status RENAME VALUE 'shipped' TO 'dispatched': every row now shows "
                                + "the new label",
                        "clients that still send or compare the old one"),
                fires("add", alterType("ALTER TYPE public.order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER "
                        + "'paid'"), Severity.LOW,
                        "ALTER TYPE public.order_status ADD VALUE 'refunded': clients that map this type to a closed "
                                + "set of values fail when they first read the new label"),
                fires("add inside a transaction block", inTransactionBlock(alterType("alter type order_status add "
                        + "value 'refunded'")), Severity.LOW,
                        "it ran inside a transaction block, where the new value cannot be used until the "
                                + "transaction commits"),
                fires("add followed by other statements in the string", alterType("ALTER TYPE order_status ADD "
                        + "VALUE 'refunded'; SELECT 1"), Severity.LOW, "inside a transaction block"),
                fires("two changes in one text: labels left out", alterType("ALTER TYPE order_status RENAME VALUE "
                        + "'a' TO 'b'; ALTER TYPE order_status RENAME VALUE 'c' TO 'd'"), Severity.MEDIUM,
                        "ALTER TYPE public.order_status RENAME VALUE: every row"));
    }

    static Stream<Named<SchemaChangeEvent>> otherTypeChanges() {
        return Stream.of(
                silent("add attribute to a composite type", alterType("ALTER TYPE order_status ADD ATTRIBUTE x int")),
                silent("rename the type", alterType("ALTER TYPE order_status RENAME TO status")),
                silent("another type in the text", alterType("ALTER TYPE mood ADD VALUE 'meh'")),
                silent("text not captured", alterType(null)),
                silent("not ALTER TYPE", Events.ddl("ALTER TABLE", "public.orders", "ALTER TYPE order_status ADD "
                        + "VALUE 'x'").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumChanges")
    void flagsEnumValueChanges(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo("public.order_status");
        assertThat(findings.get(0).table()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherTypeChanges")
    void ignoresOtherTypeChanges(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
