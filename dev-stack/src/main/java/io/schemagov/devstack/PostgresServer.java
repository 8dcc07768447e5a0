package io.schemagov.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server configured for logical decoding so that Debezium can stream from
 * it: started from the embedded binaries (local connections trusted, so any password is
 * accepted), or one reached by host and port, such as a container. The superuser is
 * {@code postgres} with password {@code postgres}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final String host;
    private final int port;
    private final AutoCloseable stop;

    private PostgresServer(String host, int port, AutoCloseable stop) {
        this.host = host;
        this.port = port;
        this.stop = stop;
    }

    /** A server this JVM did not start from the binaries; closing it runs {@code stop}. */
    static PostgresServer external(String host, int port, AutoCloseable stop) {
        return new PostgresServer(host, port, stop);
    }

    /** Starts a fresh server whose data lives in {@code dataDirectory} (emptied first). */
    public static PostgresServer start(Path dataDirectory) {
        ServerProcesses.refuseRoot();
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(ServerProcesses.USER_DIRECTORY.resolve("postgres-binaries").toFile())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPort(ServerProcesses.freePort())
                    .setServerConfig("wal_level", "logical")
                    // zonky turns this off; off, a commit reaches logical decoding only at the WAL writer's next
                    // flush (every 200 ms), which is not how a production server behaves.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            int port = postgres.getPort();
            postmasterPid(dataDirectory).ifPresent(pid -> ServerProcesses.record("postgres-" + port, List.of(pid)));
            return new PostgresServer("127.0.0.1", port, () -> {
                postgres.close();
                ServerProcesses.forget("postgres-" + port);
            });
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage()
                    + System.lineSeparator() + ServerProcesses.tail(dataDirectory.resolve("postmaster.log"), 30), e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** A {@code postgresql://} URL that psql understands. */
    public String psqlUrl(String database) {
        return "postgresql://" + USER + "@" + host() + ":" + port() + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /** Creates a database unless it exists. */
    public void createDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /**
     * Waits until a replication slot of this name exists in the database (a connector creates it when it starts
     * streaming), and fails naming the slot if none appears within {@code timeout}.
     */
    public void awaitReplicationSlot(String database, String slot, java.time.Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = connect(database);
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slot);
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no replication slot " + slot + " within " + timeout);
    }

    private static java.util.Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        }
    }
}
