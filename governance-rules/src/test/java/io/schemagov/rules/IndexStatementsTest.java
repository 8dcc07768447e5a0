package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.schemagov.rules.IndexStatements.CreateIndex;
import io.schemagov.rules.IndexStatements.DropIndex;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexStatementsTest {

    static Stream<Arguments> createStatements() {
        return Stream.of(
                Arguments.of("CREATE INDEX orders_idx ON orders (a)",
                        new CreateIndex("orders_idx", "orders", false, false)),
                Arguments.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_idx ON public.orders (a)",
                        new CreateIndex("orders_idx", "orders", true, false)),
                Arguments.of("create index concurrently on orders (a)", new CreateIndex(null, "orders", true, false)),
                Arguments.of("CREATE INDEX \"concurrently\" ON orders (a)",
                        new CreateIndex("concurrently", "orders", false, false)),
                Arguments.of("CREATE INDEX \"Orders Idx\" ON ONLY sales.\"Orders\" (a)",
                        new CreateIndex("Orders Idx", "Orders", false, true)),
                Arguments.of("CREATE /* CONCURRENTLY */ INDEX -- CONCURRENTLY\n Orders_Idx ON orders (a)",
                        new CreateIndex("orders_idx", "orders", false, false)),
                Arguments.of("CREATE INDEX i ON t (a) WHERE b = E'it\\'s CONCURRENTLY; here'",
                        new CreateIndex("i", "t", false, false)),
                Arguments.of("CREATE INDEX i ON t (a) WHERE b = $tag$ ; CREATE INDEX CONCURRENTLY x $tag$",
                        new CreateIndex("i", "t", false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("createStatements")
    void readsCreateIndexIgnoringCommentsAndLiterals(String sql, CreateIndex expected) {
        assertThat(IndexStatements.creates(sql)).containsExactly(expected);
    }

    @Test
    void findsEveryCreateIndexAmongOtherStatements() {
        String sql = "BEGIN; SET lock_timeout = '1s'; CREATE INDEX a_idx ON a (x); "
                + "/* unterminated /* nested */ still comment */ CREATE INDEX CONCURRENTLY b_idx ON b (y); COMMIT;";

        assertThat(IndexStatements.creates(sql)).extracting(CreateIndex::name, CreateIndex::concurrently)
                .containsExactly(tuple("a_idx", false),
                        tuple("b_idx", true));
    }

    @Test
    void findsNothingInsideDollarQuotedBodiesOrComments() {
        assertThat(IndexStatements.creates("DO $$ BEGIN CREATE INDEX i ON t (a); END $$")).isEmpty();
        assertThat(IndexStatements.creates("-- CREATE INDEX i ON t (a)")).isEmpty();
        assertThat(IndexStatements.creates(null)).isEmpty();
    }

    @Test
    void readsDropIndexWithEveryName() {
        assertThat(IndexStatements.drops("DROP INDEX IF EXISTS public.a_idx, \"B_idx\" CASCADE"))
                .containsExactly(new DropIndex(List.of("a_idx", "B_idx"), false));
        assertThat(IndexStatements.drops("drop index concurrently if exists a_idx"))
                .containsExactly(new DropIndex(List.of("a_idx"), true));
        assertThat(IndexStatements.drops("DROP TABLE a_idx")).isEmpty();
    }

    @Test
    void treatsParameterReferencesAsSymbolsNotDollarQuotes() {
        assertThat(IndexStatements.creates("SELECT $1; CREATE INDEX i ON t (a)"))
                .containsExactly(new CreateIndex("i", "t", false, false));
    }
}
