package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.EventExtras.inSchema;
import static io.schemagov.rules.EventExtras.schema;
import static io.schemagov.rules.EventExtras.withDropped;
import static io.schemagov.rules.Events.ddl;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DropCascadeRuleTest {

    private final DropCascadeRule rule = new DropCascadeRule();

    static Stream<Arguments> cascadedDrops() {
        return Stream.of(
                fires("view over a dropped table", ddl("DROP TABLE", null, "DROP TABLE orders CASCADE")
                        .dropped("table", "public.orders", true).dropped("type", "public.orders", false)
                        .dropped("view", "public.order_totals", false).build(), Severity.MEDIUM,
                        "DROP TABLE of public.orders also dropped 1 view public.order_totals: clients using them"),
                fires("column of a dropped type", ddl("DROP TYPE", null, "DROP TYPE mood CASCADE")
                        .dropped("type", "public.mood", true).dropped("table column", "public.people.mood", false)
                        .build(), Severity.HIGH,
                        "DROP TYPE of public.mood also dropped 1 column public.people.mood: their data is gone"),
                fires("view over a dropped column", ddl("ALTER TABLE", "public.people",
                        "ALTER TABLE people DROP COLUMN nickname CASCADE")
                        .dropped("table column", "public.people.nickname", true)
                        .dropped("view", "public.people_names", false)
                        .dropped("materialized view", "public.people_stats", false).build(), Severity.MEDIUM,
                        "2 views public.people_names, public.people_stats"),
                fires("inheriting table", ddl("DROP TABLE", null, "drop table events cascade")
                        .dropped("table", "public.events", true).dropped("table", "public.events_archive", false)
                        .dropped("view", "public.recent_events", false).build(), Severity.HIGH,
                        "1 table public.events_archive; 1 view public.recent_events"));
    }

    static Stream<Named<SchemaChangeEvent>> dropsWithoutDependents() {
        return Stream.of(
                silent("partitions go with their table", ddl("DROP TABLE", null, "DROP TABLE metrics")
                        .dropped("table", "public.metrics", true).dropped("table", "public.metrics_2024", false)
                        .build()),
                silent("CASCADE only in a comment", ddl("DROP TABLE", null, "DROP TABLE metrics -- no CASCADE")
                        .dropped("table", "public.metrics", true).dropped("table", "public.metrics_2024", false)
                        .build()),
                silent("schema contents, reported by schema-dropped", withDropped(ddl("DROP SCHEMA", "sales",
                        "DROP SCHEMA sales CASCADE").build(), schema("sales", true),
                        inSchema("table", "sales", "orders", false), inSchema("view", "sales", "totals", false))),
                silent("only parts of the dropped table", ddl("DROP TABLE", null, "DROP TABLE orders CASCADE")
                        .dropped("table", "public.orders", true).dropped("index", "public.orders_pkey", false)
                        .dropped("table column", "public.orders.note", false)
                        .dropped("table constraint", "orders_pkey on public.orders", false).build()),
                silent("nothing dropped", ddl("CREATE TABLE", "public.orders", "CREATE TABLE orders (id bigint)")
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cascadedDrops")
    void listsWhatWentAlong(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dropsWithoutDependents")
    void staysQuietWhenNothingDependentWent(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }
}
