package io.schemagov.quickstart;

import io.schemagov.devstack.DevStack;
import io.schemagov.devstack.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs the whole platform on the embedded default: real PostgreSQL, Kafka and
 * Elasticsearch, a sandbox database to experiment on (and, with
 * {@code -Dschemagov.quickstart.mariadb=true}, a MariaDB sandbox too), and the three services.
 * Prints where to look and what to try, then runs until interrupted.
 */
public final class QuickStart {

    private static final String SANDBOX = "sandbox";

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(VerifyAuditCommand.NAME)) {
            System.exit(VerifyAuditCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        Path root = Path.of(System.getProperty("schemagov.quickstart.dir", "target/quickstart")).toAbsolutePath();
        int dashboardPort = Integer.getInteger("schemagov.dashboard.port", 8080);
        boolean withMariaDb = Boolean.getBoolean("schemagov.quickstart.mariadb");
        System.out.println("Starting PostgreSQL, " + (withMariaDb ? "MariaDB, " : "") + "Kafka and Elasticsearch under "
                + root + " ...");
        // The dev stack empties root first: the ingest state kept in it must never outlive the servers it describes.
        DevStack stack = DevStack.start(root, withMariaDb);
        PostgresServer postgres = stack.postgres();
        postgres.createDatabase(SANDBOX);
        seedSandbox(postgres);
        List<String> sensitive = List.of("public.customers.email");
        List<String> mariaDbSource = stack.mariaDb().map(mariaDb -> MariaDbSandbox.seed(mariaDb, sensitive.size()))
                .orElse(List.of());
        Platform platform = Platform.start(new Platform.Settings(stack.kafka().bootstrapServers(), stack.elasticsearch().httpUrl(),
                SANDBOX, postgres.jdbcUrl(SANDBOX), PostgresServer.USER, PostgresServer.PASSWORD,
                List.of("public.customers"), sensitive, root.resolve("ingest-state"), dashboardPort), List.of(), mariaDbSource);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stack.close();
        }, "schemagov-quickstart-shutdown"));
        Path login = writeLogin(root, platform);
        System.out.println(banner(platform.dashboardUrl(), login, postgres.psqlUrl(SANDBOX), stack));
        Thread.currentThread().join();
    }

    /** A small schema so the baseline has something to say from the first minute. */
    private static void seedSandbox(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.connect(SANDBOX); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS public.customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " email text NOT NULL, name text, created_at timestamptz NOT NULL DEFAULT now())");
            statement.execute("CREATE TABLE IF NOT EXISTS public.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " customer_id bigint NOT NULL REFERENCES public.customers (id), total numeric(12,2), placed_at timestamp)");
            statement.execute("CREATE TABLE IF NOT EXISTS public.audit_log (happened_at timestamptz, message text)");
        }
    }

    /**
     * The dashboard's login goes to a file only its owner can read, never to the console or a log. The file lives in
     * the quick start's folder, which the next start wipes.
     */
    private static Path writeLogin(Path root, Platform platform) throws IOException {
        Path file = root.resolve("dashboard-login.txt");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "user: " + Platform.DASHBOARD_USER + System.lineSeparator() + "password: "
                + platform.dashboardPassword() + System.lineSeparator());
        return file;
    }

    private static String banner(String dashboardUrl, Path login, String psqlUrl, DevStack stack) {
        return String.join(System.lineSeparator(),
                "",
                "Schemagov is running on the embedded default.",
                "  Dashboard:      " + dashboardUrl + "  (log in as " + Platform.DASHBOARD_USER
                        + "; the password is in " + login + ", or set " + Platform.DASHBOARD_PASSWORD_VARIABLE + ")",
                "  Sandbox (psql): psql " + psqlUrl,
                "  Kafka:          " + stack.kafka().bootstrapServers(),
                "  Elasticsearch:  " + stack.elasticsearch().httpUrl(),
                "",
                "Try, in psql:",
                "  INSERT INTO customers (email, name) SELECT 'user' || g || '@example.com', 'User ' || g FROM generate_series(1, 50000) g;",
                "  CREATE INDEX customers_name_idx ON customers (name);",
                "  ALTER TABLE customers ALTER COLUMN name TYPE varchar(200);",
                "and watch the findings appear on the dashboard. Ctrl+C stops everything.",
                stack.mariaDb().map(MariaDbSandbox::banner).orElse(""));
    }
}
