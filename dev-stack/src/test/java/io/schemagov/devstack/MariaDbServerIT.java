package io.schemagov.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MariaDbServerIT {

    @Test
    void mariaDbRunsWithTheBinaryLogDebeziumNeeds() throws Exception {
        try (Connection connection = SharedStack.mariaDb().connect("");
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@server_id, @@character_set_server")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("ROW");
            assertThat(rs.getString(3)).isEqualTo("FULL");
            assertThat(rs.getLong(4)).isEqualTo(1);
            assertThat(rs.getString(5)).isEqualTo("utf8mb4");
        }
    }

    @Test
    void mariaDbStoresAndAnswers() throws Exception {
        MariaDbServer mariaDb = SharedStack.mariaDb();
        mariaDb.createDatabase("devstack_it");
        try (Connection connection = mariaDb.connect("devstack_it"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS greeting (id INT PRIMARY KEY, text VARCHAR(20)) ENGINE=InnoDB");
            statement.execute("REPLACE INTO greeting VALUES (1, 'hello')");
            ResultSet rs = statement.executeQuery("SELECT text FROM greeting WHERE id = 1");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("hello");
        }
        assertThat(mariaDb.jdbcUrl("devstack_it")).startsWith("jdbc:mariadb://127.0.0.1:").endsWith("/devstack_it");
    }
}
