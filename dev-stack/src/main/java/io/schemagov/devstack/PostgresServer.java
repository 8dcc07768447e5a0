package io.schemagov.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server from the embedded binaries, configured for logical decoding so
 * that Debezium can stream from it. The superuser is {@code postgres}; local connections
 * are trusted, so any password is accepted.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
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
            PostgresServer server = new PostgresServer(postgres, dataDirectory);
            server.postmasterPid().ifPresent(pid -> ServerProcesses.record("postgres-" + server.port(), List.of(pid)));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage()
                    + System.lineSeparator() + ServerProcesses.tail(dataDirectory.resolve("postmaster.log"), 30), e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return postgres.getPort();
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

    private java.util.Optional<Long> postmasterPid() {
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
            postgres.close();
            ServerProcesses.forget("postgres-" + port());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
