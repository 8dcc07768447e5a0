package io.schemagov.analyzer.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentIdsTest {

    @Test
    void orderedIdsSortInTheOrderOfTheLog() {
        List<String> ids = new ArrayList<>();
        for (String lsn : List.of("00000000/0000FFFF", "00000000/00010000", "00000000/0A000000", "00000001/00000000")) {
            ids.add(DocumentIds.ordered(lsn, "shop", "public.orders"));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids.get(0)).startsWith("00000000/0000FFFF~");
    }

    @Test
    void orderedIdsAreTheSameOnEveryDeliveryAndTellTablesApart() {
        String orders = DocumentIds.ordered("00000000/016B3748", "shop", "public.orders");

        assertThat(DocumentIds.ordered("00000000/016B3748", "shop", "public.orders")).isEqualTo(orders);
        assertThat(DocumentIds.ordered("00000000/016B3748", "shop", "public.customers")).isNotEqualTo(orders);
        assertThat(DocumentIds.ordered("00000000/016B3748", "crm", "public.orders")).isNotEqualTo(orders);
        assertThat(orders).hasSize("00000000/016B3748".length() + 1 + 12);
    }

    @Test
    void aMissingOrOverlongPositionFallsBackToAPlainHashOfEverything() {
        String overlong = "x".repeat(201);

        assertThat(DocumentIds.ordered(overlong, "shop", "public.orders"))
                .isEqualTo(DocumentIds.of(overlong, "shop", "public.orders")).hasSize(32);
        assertThat(DocumentIds.ordered(null, "shop", "public.orders"))
                .isEqualTo(DocumentIds.of(null, "shop", "public.orders"));
        assertThat(DocumentIds.ordered("x".repeat(200), "shop", "public.orders")).startsWith("x".repeat(200) + "~");
    }
}
