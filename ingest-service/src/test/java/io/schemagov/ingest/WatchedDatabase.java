package io.schemagov.ingest;

import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.Finding;
import io.schemagov.rules.RuleEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database of the shared dev stack's PostgreSQL watched by an ingest of its own: tests run SQL on it, read the
 * event the capture made of each statement, and ask the rules what they conclude from it.
 */
final class WatchedDatabase implements AutoCloseable {

    private static final RuleEngine RULES = RuleEngine.withDefaults();

    private final PostgresServer postgres = SharedStack.postgres();
    private final String database;
    private final ConfigurableApplicationContext ingest;
    private final EventCollector events;

    private WatchedDatabase(String database, String source, Path stateDirectory, String... settings) {
        this.database = database;
        postgres.createDatabase(database);
        List<String> arguments = new ArrayList<>(List.of(
                "--schemagov.ingest.kafka.bootstrap-servers=" + SharedStack.kafka().bootstrapServers(),
                "--schemagov.ingest.state-directory=" + stateDirectory,
                "--schemagov.ingest.sources[0].name=" + source,
                "--schemagov.ingest.sources[0].url=" + postgres.jdbcUrl(database),
                "--schemagov.ingest.sources[0].username=" + PostgresServer.USER,
                "--schemagov.ingest.sources[0].password=" + PostgresServer.PASSWORD));
        List.of(settings).forEach(setting -> arguments.add("--" + setting));
        ingest = IngestApplication.application().run(arguments.toArray(String[]::new));
        events = new EventCollector(SharedStack.kafka().bootstrapServers(), source);
    }

    /** Creates the database if needed and starts an ingest for it under the source name given. */
    static WatchedDatabase start(String database, String source) throws Exception {
        return new WatchedDatabase(database, source, Files.createTempDirectory("ingest-" + source));
    }

    /** As {@link #start(String, String)}, with further settings such as {@code schemagov.ingest.maintenance-poll=200ms}. */
    static WatchedDatabase start(String database, String source, String... settings) throws Exception {
        return new WatchedDatabase(database, source, Files.createTempDirectory("ingest-" + source), settings);
    }

    /** A connection to the watched database, for tests that hold locks or run statements on threads of their own. */
    Connection connect() throws SQLException {
        return postgres.connect(database);
    }

    /** The first schema-change event of this source that matches, waiting for it up to 60 s. */
    SchemaChangeEvent await(java.util.function.Predicate<SchemaChangeEvent> match) {
        return events.awaitSchemaChange(match);
    }

    /** Runs the statements in one session, each in its own transaction. */
    void sql(String... statements) throws SQLException {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs the statements in one transaction. */
    void transaction(String... statements) throws SQLException {
        try (Connection connection = postgres.connect(database)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        }
    }

    /** Runs the statements in one session and returns the server's messages, down to DEBUG1. */
    List<String> sqlWithDebugMessages(String... statements) throws SQLException {
        List<String> messages = new ArrayList<>();
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("SET client_min_messages = debug1");
            for (String sql : statements) {
                statement.execute(sql);
                for (SQLWarning warning = statement.getWarnings(); warning != null;
                        warning = warning.getNextWarning()) {
                    messages.add(warning.getMessage());
                }
                statement.clearWarnings();
            }
        }
        return messages;
    }

    /** The first column of the first row of a query with one parameter, or null without a row. */
    Object value(String query, Object parameter) throws SQLException {
        try (Connection connection = postgres.connect(database);
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        }
    }

    /** The event the capture made of the command that ran exactly this statement text. */
    SchemaChangeEvent awaitStatement(String statement) {
        return events.awaitSchemaChange(event -> statement.equals(event.getStatement()));
    }

    /** Every schema-change event of this source seen so far. */
    List<SchemaChangeEvent> seen() {
        events.poll();
        return List.copyOf(events.schemaChanges);
    }

    /** The ids of the rules that found something in the event. */
    static Set<String> firedRules(SchemaChangeEvent event) {
        return RULES.evaluate(event).findings().stream().map(Finding::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The findings of one rule about the event. */
    static List<Finding> findings(SchemaChangeEvent event, String ruleId) {
        return RULES.evaluate(event).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Override
    public void close() {
        events.close();
        ingest.close();
    }
}
