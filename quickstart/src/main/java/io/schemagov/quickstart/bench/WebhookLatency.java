package io.schemagov.quickstart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Times, one statement after the other, how long a committed {@code CREATE TABLE} without a
 * primary key takes to arrive as an alert at a webhook: a real HTTP server in this JVM that
 * notes the arrival of each table's alert (no polling, so the measure costs nothing).
 */
final class WebhookLatency implements AutoCloseable {

    static final String TABLE_PREFIX = "bench_alert_";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();

    WebhookLatency() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    private void receive(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        for (JsonNode finding : body.path("findings")) {
            arrival(finding.path("table").asText()).complete(at);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private CompletableFuture<Long> arrival(String table) {
        return arrivals.computeIfAbsent(table, t -> new CompletableFuture<>());
    }

    /** Runs {@code warmup} statements whose latency is dropped, then {@code count} measured ones; nanoseconds each. */
    List<Long> measure(Connection connection, int warmup, int count) throws SQLException, InterruptedException, BenchmarkTimeout {
        for (int i = 0; i < warmup; i++) {
            createAndAwait(connection, i);
        }
        List<Long> samples = new ArrayList<>(count);
        for (int i = warmup; i < warmup + count; i++) {
            samples.add(createAndAwait(connection, i));
        }
        return samples;
    }

    private long createAndAwait(Connection connection, int number) throws SQLException, InterruptedException, BenchmarkTimeout {
        String table = TABLE_PREFIX + number;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public." + table + " (id bigint)");
        }
        long committed = System.nanoTime();
        try {
            return arrival(table).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS) - committed;
        } catch (TimeoutException e) {
            throw new BenchmarkTimeout("no alert for " + table + " at the webhook within " + TIMEOUT.toSeconds() + " s of its commit");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
