package io.schemagov.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.devstack.MariaDbServer;
import io.schemagov.ingest.binlog.BinlogPrerequisites;
import io.schemagov.ingest.capture.CaptureSetupException;
import io.schemagov.ingest.config.SourceProperties;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The binlog prerequisites check against a MariaDB that enforces grants, with a user that lacks them and one that has them. */
class MariaDbGrantsIT {

    private static MariaDbServer mariaDb;

    @BeforeAll
    static void start() throws Exception {
        mariaDb = MariaDbServer.startEnforcingGrants(Files.createTempDirectory("mariadb-grants-it"));
        // The anonymous accounts mariadb-install-db creates would match before 'user'@'%', as on a fresh server.
        mariaDb.runAsAdministrator("DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES; CREATE DATABASE shop; "
                + "CREATE USER 'app'@'%' IDENTIFIED BY 'app-pw'; GRANT SELECT, INSERT ON shop.* TO 'app'@'%'; "
                + "CREATE USER 'cdc'@'%' IDENTIFIED BY 'cdc-pw'; "
                + "GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO 'cdc'@'%'; GRANT SELECT ON shop.* TO 'cdc'@'%';");
    }

    @AfterAll
    static void stop() {
        mariaDb.close();
    }

    @Test
    void aUserWithoutReplicationGrantsGetsTheGrantStatementsToRun() throws Exception {
        SourceProperties app = source("app");
        try (Connection connection = DriverManager.getConnection(app.url(), "app", "app-pw")) {
            assertThatThrownBy(() -> new BinlogPrerequisites().check(connection, app))
                    .isInstanceOf(CaptureSetupException.class)
                    .hasMessageContaining("user 'app' lacks REPLICATION SLAVE, REPLICATION CLIENT, RELOAD")
                    .hasMessageContaining("GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO 'app'@'%'");
        }
    }

    @Test
    void aUserWithTheDocumentedGrantsPasses() throws Exception {
        SourceProperties cdc = source("cdc");
        try (Connection connection = DriverManager.getConnection(cdc.url(), "cdc", "cdc-pw")) {
            assertThatCode(() -> new BinlogPrerequisites().check(connection, cdc)).doesNotThrowAnyException();
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    private static SourceProperties source(String user) {
        return new SourceProperties("grants-" + user, mariaDb.jdbcUrl("shop"), user, user + "-pw", List.of(), List.of(),
                true, "", "", false, null, 0, true);
    }
}
