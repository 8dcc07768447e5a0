package io.schemagov.quickstart;

import io.schemagov.devstack.MariaDbServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The quick start's MariaDB sandbox: a {@code sandbox} database with a few tables the baseline has something to say
 * about, watched by the ingest as a second source, {@value #SOURCE}.
 */
final class MariaDbSandbox {

    static final String SOURCE = "sandbox-mariadb";
    private static final String DATABASE = "sandbox";

    private MariaDbSandbox() {
    }

    /**
     * Creates and seeds the sandbox and returns the ingest settings that watch it, auditing {@code customers} with
     * its e-mail masked.
     *
     * @param sensitiveColumnsBefore how many sensitive columns the other sources already list
     */
    static List<String> seed(MariaDbServer mariaDb, int sensitiveColumnsBefore) {
        mariaDb.createDatabase(DATABASE);
        try (Connection connection = mariaDb.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS customers (id bigint AUTO_INCREMENT PRIMARY KEY, "
                    + "email varchar(200) NOT NULL, name varchar(100), created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            statement.execute("CREATE TABLE IF NOT EXISTS orders (id bigint AUTO_INCREMENT PRIMARY KEY, "
                    + "customer_id bigint NOT NULL, total double, placed_at datetime, "
                    + "FOREIGN KEY (customer_id) REFERENCES customers (id))");
            statement.execute("CREATE TABLE IF NOT EXISTS audit_log (happened_at datetime, message text) "
                    + "ENGINE=MyISAM DEFAULT CHARSET=latin1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the MariaDB sandbox: " + e.getMessage(), e);
        }
        return List.of(
                "--schemagov.ingest.sources[1].name=" + SOURCE,
                "--schemagov.ingest.sources[1].url=" + mariaDb.jdbcUrl(DATABASE),
                "--schemagov.ingest.sources[1].username=" + MariaDbServer.USER,
                "--schemagov.ingest.sources[1].password=" + MariaDbServer.PASSWORD,
                "--schemagov.ingest.sources[1].audited-tables[0]=" + DATABASE + ".customers",
                "--schemagov.ingest.masking.sensitive-columns[" + sensitiveColumnsBefore + "]=" + DATABASE + ".customers.email");
    }

    static String banner(MariaDbServer mariaDb) {
        return String.join(System.lineSeparator(),
                "MariaDB sandbox (source " + SOURCE + "): " + mariaDb.clientCommand(DATABASE),
                "  (or any MySQL client: mysql -h " + mariaDb.host() + " -P " + mariaDb.port() + " -u root sandbox)",
                "Try:",
                "  INSERT INTO customers (email, name) VALUES ('ann@example.com', 'Ann');",
                "  ALTER TABLE customers ADD COLUMN phone varchar(20) AFTER email, ALGORITHM=COPY;",
                "  CREATE INDEX customers_name_idx ON customers (name);",
                "");
    }
}
