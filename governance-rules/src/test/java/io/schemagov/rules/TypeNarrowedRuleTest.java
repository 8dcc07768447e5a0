package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeNarrowedRuleTest {

    private final TypeNarrowedRule rule = new TypeNarrowedRule();

    private static final String REWRITE = "column type or storage change";

    /** A type change that converted every row, as the table_rewrite trigger records it. */
    private static SchemaChangeEvent rewriting(String statement) {
        return ddl("ALTER TABLE", "public.orders", statement).objectType("table")
                .rewrite("public.orders", REWRITE).build();
    }

    static Stream<Arguments> boundedTypes() {
        return Stream.of(
                fires("varchar(n)", rewriting("ALTER TABLE orders ALTER COLUMN code TYPE varchar(50)"),
                        Severity.MEDIUM, "ALTER TABLE changed public.orders.code to character varying(50) and "
                                + "converted every row: from now on values longer than 50 characters are rejected",
                        "the previous type is not recorded"),
                fires("SET DATA TYPE character varying (n)", rewriting(
                        "ALTER TABLE orders ALTER code SET DATA TYPE character varying (20) COLLATE \"C\""),
                        Severity.MEDIUM, "to character varying(20)"),
                fires("char(n)", rewriting("ALTER TABLE orders ALTER COLUMN country TYPE char(2)"), Severity.MEDIUM,
                        "to character(2)", "shorter ones padded with spaces"),
                fires("char alone is char(1)", rewriting("ALTER TABLE orders ALTER COLUMN flag TYPE char"),
                        Severity.MEDIUM, "to character(1)"),
                fires("integer with USING", rewriting("ALTER TABLE orders ALTER COLUMN qty TYPE int USING qty::int"),
                        Severity.MEDIUM, "to integer", "outside -2147483648..2147483647",
                        "Its USING conversion may have truncated or rounded existing values"),
                fires("smallint", rewriting("ALTER TABLE orders ALTER COLUMN qty TYPE pg_catalog.int2"),
                        Severity.MEDIUM, "to smallint", "outside -32768..32767"),
                fires("numeric(p,s)", rewriting("ALTER TABLE orders ALTER COLUMN total TYPE numeric(8, 2)"),
                        Severity.MEDIUM, "to numeric(8,2)", "more than 6 digits before the decimal point",
                        "decimals beyond 2 rounded"),
                fires("real", rewriting("ALTER TABLE orders ALTER COLUMN weight TYPE float4"), Severity.MEDIUM,
                        "to real", "about 6 significant digits"));
    }

    static Stream<Named<SchemaChangeEvent>> otherTypeChanges() {
        return Stream.of(
                silent("varchar widened without a rewrite", ddl("ALTER TABLE", "public.orders",
                        "ALTER TABLE orders ALTER COLUMN code TYPE varchar(80)").objectType("table").build()),
                silent("to text", rewriting("ALTER TABLE orders ALTER COLUMN code TYPE text")),
                silent("to bigint", rewriting("ALTER TABLE orders ALTER COLUMN qty TYPE bigint")),
                silent("to unbounded numeric", rewriting("ALTER TABLE orders ALTER COLUMN total TYPE numeric")),
                silent("to unbounded varchar", rewriting("ALTER TABLE orders ALTER COLUMN code TYPE varchar")),
                silent("to an array", rewriting("ALTER TABLE orders ALTER COLUMN codes TYPE varchar(10)[]")),
                silent("another table of the query string", rewriting(
                        "ALTER TABLE lines ALTER sku TYPE varchar(8); ALTER TABLE orders ALTER note TYPE text")),
                silent("default changed", rewriting("ALTER TABLE orders ALTER COLUMN qty SET DEFAULT 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundedTypes")
    void flagsConversionToABoundedType(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherTypeChanges")
    void staysQuietWhenNothingNarrowed(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }
}
