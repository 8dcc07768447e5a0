package io.schemagov.dashboard.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaDiagramTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode entry(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void drawsTablesKeysAndOpenFindingsAndLeavesDroppedTablesOut() throws Exception {
        ObjectNode customers = entry("{'kind':'snapshot','schema':'public','table':'customers','snapshot':{"
                + "'estimatedRows':50000,'columns':[{'name':'id','dataType':'bigint','notNull':true},"
                + "{'name':'email','dataType':'text','notNull':false}],"
                + "'constraints':[{'name':'customers_pkey','type':'PRIMARY_KEY','columns':['id']}]}}");
        ObjectNode orders = entry("{'kind':'snapshot','schema':'public','table':'orders','snapshot':{"
                + "'estimatedRows':-1,'columns':[{'name':'id','dataType':'bigint','notNull':true},"
                + "{'name':'customer_id','dataType':'bigint','notNull':true}],"
                + "'constraints':[{'name':'orders_customer_fk','type':'FOREIGN_KEY','columns':['customer_id'],"
                + "'referencedTable':'public.customers','referencedColumns':['id']}]}}");
        ObjectNode dropped = entry("{'kind':'dropped','schema':'public','table':'old'}");

        SchemaDiagram diagram = SchemaDiagram.of(List.of(customers, orders, dropped), Map.of("public.orders", 2L));

        assertThat(diagram.tables()).extracting(SchemaDiagram.Table::qualified)
                .containsExactly("public.customers", "public.orders");
        assertThat(diagram.tables().get(0).columns().get(0).primaryKey()).isTrue();
        assertThat(diagram.tables().get(0).estimatedRows()).isEqualTo(50000);
        assertThat(diagram.tables().get(1).columns().get(1).foreignKey()).isTrue();
        assertThat(diagram.tables().get(1).openFindings()).isEqualTo(2);
        assertThat(diagram.tables().get(0).openFindings()).isZero();
        assertThat(diagram.foreignKeys()).singleElement().satisfies(key -> {
            assertThat(key.table()).isEqualTo("public.orders");
            assertThat(key.referenced()).isEqualTo("public.customers");
            assertThat(key.columns()).containsExactly("customer_id");
            assertThat(key.referencedColumns()).containsExactly("id");
        });
    }
}
