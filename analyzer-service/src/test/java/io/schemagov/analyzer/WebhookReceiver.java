package io.schemagov.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/** A real HTTP server standing in for webhook receivers: records every request per path and answers as scripted. */
final class WebhookReceiver implements AutoCloseable {

    /** One scripted answer; {@code delay} makes the receiver slow. */
    record Answer(int status, Map<String, String> headers, Duration delay) {
        static Answer status(int status) {
            return new Answer(status, Map.of(), Duration.ZERO);
        }
    }

    /** A request as received, with the time it arrived. */
    record Received(JsonNode body, long nanoTime) {
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} get these answers, in order; then 200. */
    void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    void answerAlways(String path, Answer answer) {
        always.put(path, answer);
    }

    List<Received> requests(String path) {
        synchronized (received) {
            return new ArrayList<>(received.getOrDefault(path, List.of()));
        }
    }

    /** Polls until the requests to {@code path} satisfy {@code done}, for at most a minute. */
    List<Received> await(String path, Predicate<List<Received>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.test(requests(path))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition on " + path + " not met within 60 s; received " + requests(path));
            }
            Thread.sleep(20);
        }
        return requests(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        synchronized (received) {
            received.computeIfAbsent(path, p -> new ArrayList<>()).add(new Received(body, at));
        }
        Queue<Answer> script = scripts.get(path);
        Answer answer = script != null && !script.isEmpty() ? script.poll() : always.getOrDefault(path, Answer.status(200));
        try {
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] reply = (answer.status() < 300 ? "ok" : "scripted failure").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
