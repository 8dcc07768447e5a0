package io.schemagov.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;

/**
 * A real Kafka Connect worker (standalone mode, offsets in a file), driven through its REST API as an operator
 * would, either in this JVM or as a process of its own whose plugins come from a {@code plugin.path} (as in
 * production, each plugin in its own class loader) and which can be killed as a crash would. Plugins are found by
 * their service manifests ({@code plugin.discovery=service_load}, Kafka 4.1), and connector settings may reference a
 * secrets file through the {@code file} config provider. Needs {@code connect-runtime} on the classpath (an optional
 * dependency of this module).
 */
public final class ConnectWorker implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI url;
    private final Connect<StandaloneHerder> connect;
    private final Process process;
    private final Path log;

    private ConnectWorker(URI url, Connect<StandaloneHerder> connect, Process process, Path log) {
        this.url = url;
        this.connect = connect;
        this.process = process;
        this.log = log;
    }

    /** A worker in this JVM, its plugins on the classpath. */
    public static ConnectWorker start(String bootstrapServers, Path offsets) {
        // The worker calls Exit on a failed start; in a test that must fail the test, not end the JVM.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("the Connect worker did not start (exit " + code + "): " + message);
        });
        Map<String, String> worker = settings(bootstrapServers, offsets, "http://127.0.0.1:0", 1000);
        Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(worker);
        return new ConnectWorker(connect.rest().serverUrl(), connect, null, null);
    }

    /**
     * A worker in a process of its own, with {@code classpath} (Kafka Connect and connectors) and plugins from
     * {@code pluginPath}; its log is {@code <directory>/worker.log}.
     *
     * @param offsetFlushMillis how often the worker commits source offsets; long, a kill leaves records uncommitted
     */
    public static ConnectWorker startProcess(String bootstrapServers, Path directory, String classpath, Path pluginPath,
                                             long offsetFlushMillis, Duration timeout) {
        try {
            Files.createDirectories(directory);
            String listener = "http://127.0.0.1:" + ServerProcesses.freePort();
            Map<String, String> worker = settings(bootstrapServers, directory.resolve("connect.offsets"), listener,
                    offsetFlushMillis);
            worker.put("plugin.path", pluginPath.toString());
            Path properties = Files.writeString(directory.resolve("worker.properties"), worker.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
            Path logback = Files.writeString(directory.resolve("logback.xml"), "<configuration><appender name=\"f\" "
                    + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%d %-5level [%thread] %logger{36} "
                    + "%msg%n</pattern></encoder></appender><logger name=\"io.debezium\" level=\"INFO\"/>"
                    + "<root level=\"WARN\"><appender-ref ref=\"f\"/></root></configuration>");
            Path log = directory.resolve("worker.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Dlogback.configurationFile=" + logback, "-cp", classpath,
                    ConnectStandalone.class.getName(), properties.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServerProcesses.record("connect-" + process.pid(), List.of(process.pid()));
            ConnectWorker started = new ConnectWorker(URI.create(listener + "/"), null, process, log);
            started.awaitRest(timeout);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Connect worker in " + directory, e);
        }
    }

    private static Map<String, String> settings(String bootstrapServers, Path offsets, String listener, long flushMillis) {
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("bootstrap.servers", bootstrapServers);
        worker.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("offset.storage.file.filename", offsets.toString());
        worker.put("offset.flush.interval.ms", Long.toString(flushMillis));
        worker.put("listeners", listener);
        worker.put("plugin.discovery", "service_load");
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        return worker;
    }

    private void awaitRest(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Connect worker exited (" + process.exitValue() + "):\n"
                        + ServerProcesses.tail(log, 40));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Connect worker", e);
            }
            pause();
        }
        kill();
        throw new IllegalStateException("the Connect worker did not answer within " + timeout + ":\n" + ServerProcesses.tail(log, 40));
    }

    /** Creates a connector from a {@code POST /connectors} body. */
    public void submit(String request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url.resolve("connectors"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the worker refused the connector: " + response.statusCode() + " " + response.body());
        }
    }

    /** Waits until the connector and its first task run; a failed task fails with its trace. */
    public void awaitRunning(String connector, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url.resolve("connectors/" + connector + "/status"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                status = JSON.readTree(response.body());
                JsonNode task = status.path("tasks").path(0);
                if ("FAILED".equals(task.path("state").asText())) {
                    throw new IllegalStateException("task of " + connector + " failed: " + task.path("trace").asText());
                }
                if ("RUNNING".equals(status.path("connector").path("state").asText())
                        && "RUNNING".equals(task.path("state").asText())) {
                    return;
                }
            }
            pause();
        }
        throw new IllegalStateException(connector + " not running within " + timeout + "; last status " + status);
    }

    /** A GET on the worker's REST API, e.g. {@code connectors/x/config}. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(url.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Ends a worker process at once (SIGKILL), as a crash would: nothing is flushed or committed. */
    public void kill() {
        if (process == null) {
            throw new IllegalStateException("an in-process worker cannot be killed; close it");
        }
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Connect worker process " + process.pid() + " did not end");
            }
            ServerProcesses.forget("connect-" + process.pid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Connect worker", e);
        }
    }

    /** Stops the worker cleanly: tasks stop and offsets are committed. */
    @Override
    public void close() {
        if (connect != null) {
            connect.stop();
            connect.awaitStop();
            Exit.resetExitProcedure();
        } else if (process.isAlive()) {
            process.destroy(); // SIGTERM: the worker's shutdown hook stops it cleanly
            awaitExit();
        }
    }
}
