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

class CommaSeparatedListColumnRuleTest {

    private final CommaSeparatedListColumnRule rule = new CommaSeparatedListColumnRule();

    static Stream<Arguments> listColumns() {
        return Stream.of(
                fires("ids in text", table("public.posts").column("id", "bigint").column("tag_ids", "text").build(),
                        Severity.LOW, "public.posts has string columns named like lists, likely holding delimited "
                                + "values: tag_ids text"),
                fires("list, tags and camelCase", table("public.posts").column("email_list", "character varying(500)")
                        .column("tags", "text").column("categoryIds", "text").build(), Severity.LOW,
                        "email_list character varying(500), tags text, categoryIds text"));
    }

    static Stream<Named<TableSnapshot>> properLists() {
        return Stream.of(
                silent("arrays", table("public.posts").column("tag_ids", "bigint[]").column("tags", "text[]").build()),
                silent("json", table("public.posts").column("tags", "jsonb").build()),
                silent("single values", table("public.posts").column("tag_id", "bigint").column("title", "text")
                        .column("listing", "text").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listColumns")
    void flagsListsInStrings(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("properLists")
    void acceptsArraysAndSingleValues(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
