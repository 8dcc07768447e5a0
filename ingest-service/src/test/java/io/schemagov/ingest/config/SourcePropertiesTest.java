package io.schemagov.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.model.SourceKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SourcePropertiesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "jdbc:postgresql://db:5432/orders, POSTGRESQL, 5432, orders",
        "jdbc:mariadb://db/shop,            MARIADB,    3306, shop",
        "jdbc:mysql://db:3307/shop?useSSL=false, MYSQL, 3307, shop",
    })
    void theKindIsInferredFromTheUrl(String url, SourceKind kind, int port, String database) {
        SourceProperties source = source(url, null);
        assertThat(source.kind()).isEqualTo(kind);
        assertThat(source.port()).isEqualTo(port);
        assertThat(source.database()).isEqualTo(database);
        assertThat(source.isBinlog()).isEqualTo(kind != SourceKind.POSTGRESQL);
    }

    @Test
    void aKindThatContradictsTheUrlIsRejected() {
        assertThatThrownBy(() -> source("jdbc:postgresql://db/orders", SourceKind.MARIADB))
                .hasMessageContaining("has kind MARIADB but its url jdbc:postgresql://db/orders is for POSTGRESQL");
    }

    @Test
    void aMysqlSourceMayUseTheMariaDbDriver() {
        assertThat(source("jdbc:mariadb://db/shop", SourceKind.MYSQL).kind()).isEqualTo(SourceKind.MYSQL);
    }

    @Test
    void theReplicaServerIdIsDerivedFromTheNameUnlessSet() {
        assertThat(source("jdbc:mariadb://db/shop", null).replicaServerId()).isBetween(100_000L, 1_100_000L);
        assertThat(new SourceProperties("s", "jdbc:mariadb://db/shop", "u", "", List.of(), List.of(), true, "", "", false,
                null, 4242, true).replicaServerId()).isEqualTo(4242);
    }

    private static SourceProperties source(String url, SourceKind kind) {
        return new SourceProperties("s", url, "u", "", List.of(), List.of(), true, "", "", false, kind, 0, true);
    }
}
