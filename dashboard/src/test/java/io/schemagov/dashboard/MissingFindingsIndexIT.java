package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Before the analyzer writes its first finding the index does not exist; the API must still answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissingFindingsIndexIT extends ElasticsearchBackedApi {

    @BeforeAll
    void withoutFindingsIndex() throws IOException {
        deleteFindingsIndex();
    }

    @Test
    void listsNoFindings() {
        Response response = get("/api/findings?severity=HIGH&database=orders");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items").size()).isZero();
        assertThat(response.json().get("total").asLong()).isZero();
        assertThat(response.json().get("next").isNull()).isTrue();
    }

    @Test
    void listsNoDatabaseOfFindingsWithoutFailing() {
        Response response = get("/api/databases");

        assertThat(response.status()).isEqualTo(200);
        // Other tests' audit records may name databases; none of the findings fixtures' may appear.
        assertThat(response.json().get("databases").toString()).doesNotContain("\"orders\"", "\"billing\"");
    }

    @Test
    void answers404ForAnyId() {
        Response response = get("/api/findings/f-01");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("not_found");
    }
}
