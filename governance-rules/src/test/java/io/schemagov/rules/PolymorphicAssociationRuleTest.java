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

class PolymorphicAssociationRuleTest {

    private final PolymorphicAssociationRule rule = new PolymorphicAssociationRule();

    private static Tables.Builder comments() {
        return table("public.comments").column("id", "bigint", true).column("commentable_type", "text")
                .column("commentable_id", "bigint");
    }

    static Stream<Arguments> unconstrainedPairs() {
        return Stream.of(
                fires("Rails-style pair", comments().build(), Severity.MEDIUM,
                        "public.comments has polymorphic references that no foreign key checks and whose type "
                                + "column accepts any value: commentable_type + commentable_id"),
                fires("check on another column only", TableExtras.of(comments().column("body", "text"))
                        .check("comments_body_check", "CHECK ((length(body) > 0))", "body").build(), Severity.MEDIUM,
                        "commentable_type + commentable_id"),
                fires("two pairs", comments().column("owner_type", "text").column("owner_id", "uuid").build(),
                        Severity.MEDIUM, "commentable_type + commentable_id, owner_type + owner_id"));
    }

    static Stream<Named<TableSnapshot>> constrainedOrOrdinary() {
        return Stream.of(
                silent("type restricted by a check", TableExtras.of(comments()).check("comments_type_check",
                        "CHECK ((commentable_type = ANY (ARRAY['Post'::text, 'Photo'::text])))", "commentable_type")
                        .build()),
                silent("type referencing a lookup table", TableExtras.of(comments()).foreignKey(
                        "comments_type_fkey", "commentable_type", "public.commentable_types", "text", null).build()),
                silent("enum type", TableExtras.of(table("public.comments").column("commentable_id", "bigint"))
                        .column("commentable_type", "commentable_kind", "E", true).build()),
                silent("id with its own foreign key", TableExtras.of(table("public.payments")
                        .column("account_type", "text").column("account_id", "bigint"))
                        .foreignKey("payments_account_id_fkey", "account_id", "public.accounts", "bigint", null)
                        .build()),
                silent("type without id", table("public.files").column("mime_type", "text").build()),
                silent("bare type and id", table("public.things").column("type", "text").column("id", "bigint")
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unconstrainedPairs")
    void flagsUnconstrainedPolymorphicPair(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constrainedOrOrdinary")
    void acceptsConstrainedOrOrdinaryColumns(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
