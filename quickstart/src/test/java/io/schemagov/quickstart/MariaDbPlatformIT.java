package io.schemagov.quickstart;

import static io.schemagov.quickstart.IndexedHits.awaitHits;
import static io.schemagov.quickstart.IndexedHits.search;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.devstack.MariaDbServer;
import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick start's MariaDB sandbox through the whole pipeline: its baseline and its DDL become findings in
 * Elasticsearch, its row changes masked audit records, beside a PostgreSQL source.
 */
class MariaDbPlatformIT {

    private static final String SOURCE = "\"" + MariaDbSandbox.SOURCE + "\"";
    private static MariaDbServer mariaDb;
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        PostgresServer postgres = SharedStack.postgres();
        postgres.createDatabase("maria_platform_pg");
        mariaDb = SharedStack.mariaDb();
        List<String> mariaDbSource = MariaDbSandbox.seed(mariaDb, 0);
        platform = Platform.start(new Platform.Settings(SharedStack.kafka().bootstrapServers(),
                SharedStack.elasticsearch().httpUrl(), "maria-platform-pg", postgres.jdbcUrl("maria_platform_pg"),
                PostgresServer.USER, PostgresServer.PASSWORD, List.of(), List.of(),
                Files.createTempDirectory("maria-platform-it"), 0), List.of(), mariaDbSource);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theBaselineOfTheMariaDbSandboxFindsItsDesignProblems() throws Exception {
        awaitHits("schemagov-findings", "database:" + SOURCE + " AND table:audit_log AND ruleId:mysql-non-innodb-engine",
                hits -> hits.size() == 1);
        awaitHits("schemagov-findings", "database:" + SOURCE + " AND table:audit_log AND ruleId:primary-key-missing",
                hits -> hits.size() == 1);
        awaitHits("schemagov-findings", "database:" + SOURCE + " AND table:orders AND ruleId:mysql-float-for-money",
                hits -> hits.size() == 1);
        assertThat(search("schemagov-findings", "database:" + SOURCE + " AND ruleId:index-without-concurrently")).isEmpty();
    }

    @Test
    void anAlterWithAlgorithmCopyBecomesAFinding() throws Exception {
        sql("ALTER TABLE customers ADD COLUMN phone varchar(20) AFTER email, ALGORITHM=COPY");
        JsonNode finding = awaitHits("schemagov-findings", "database:" + SOURCE + " AND ruleId:mysql-algorithm-copy",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(finding.path("message").asText()).contains("sandbox.customers");
        assertThat(finding.path("statement").asText()).contains("ALGORITHM=COPY");
    }

    @Test
    void narrowKeysAndDroppedAndRenamedColumnsAndTablesBecomeFindings() throws Exception {
        sql("CREATE TABLE coupons (id int AUTO_INCREMENT PRIMARY KEY, code varchar(20), note text, legacy int)",
            "ALTER TABLE coupons DROP COLUMN legacy, CHANGE note remark text",
            "RENAME TABLE coupons TO vouchers");
        JsonNode key = awaitHits("schemagov-findings", "database:" + SOURCE + " AND ruleId:primary-key-type AND table:coupons",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(key.path("message").asText()).contains("id int AUTO_INCREMENT", "2,147,483,647");
        JsonNode dropped = awaitHits("schemagov-findings", "database:" + SOURCE + " AND ruleId:column-dropped",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(dropped.path("message").asText()).contains("dropped column legacy from sandbox.coupons");
        awaitHits("schemagov-findings", "database:" + SOURCE + " AND ruleId:column-renamed AND table:coupons",
                hits -> hits.size() == 1);
        JsonNode renamed = awaitHits("schemagov-findings", "database:" + SOURCE + " AND ruleId:table-renamed",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(renamed.path("message").asText()).contains("renamed sandbox.coupons to sandbox.vouchers");
    }

    @Test
    void aRowChangeBecomesAMaskedAuditRecord() throws Exception {
        sql("INSERT INTO customers (email, name) VALUES ('ann@example.com', 'Ann')");
        JsonNode audit = awaitHits("schemagov-audit", "database:" + SOURCE + " AND table:\"sandbox.customers\"",
                hits -> hits.size() >= 1).get(0).path("_source");
        assertThat(audit.path("operation").asText()).isEqualTo("INSERT");
        assertThat(audit.path("after").path("name").asText()).isEqualTo("Ann");
        assertThat(audit.path("after").path("email").asText()).doesNotContain("ann@");
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = mariaDb.connect("sandbox"); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
