package io.schemagov.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;

/**
 * A real Kafka Connect worker in this JVM (standalone mode, offsets in a file), driven through its REST API as an
 * operator would: plugins are found by their service manifests on the classpath, as Kafka 4.1 discovers them with
 * {@code plugin.discovery=service_load}, and connector settings may reference a secrets file through the
 * {@code file} config provider. Needs {@code connect-runtime} on the classpath (an optional dependency of this module).
 */
public final class ConnectWorker implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connect<StandaloneHerder> connect;

    private ConnectWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    public static ConnectWorker start(String bootstrapServers, Path offsets) {
        // The worker calls Exit on a failed start; in a test that must fail the test, not end the JVM.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("the Connect worker did not start (exit " + code + "): " + message);
        });
        Map<String, String> worker = Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "offset.storage.file.filename", offsets.toString(),
                "offset.flush.interval.ms", "1000",
                "listeners", "http://127.0.0.1:0",
                "plugin.discovery", "service_load",
                "config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        return new ConnectWorker(new ConnectStandalone().startConnect(worker));
    }

    /** Creates a connector from a {@code POST /connectors} body. */
    public void submit(String request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("connectors"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the worker refused the connector: " + response.statusCode() + " " + response.body());
        }
    }

    /** Waits until the connector and its one task run; a failed task fails the test with its trace. */
    public void awaitRunning(String connector, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("connectors/" + connector + "/status"))
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
            Thread.sleep(200);
        }
        throw new IllegalStateException(connector + " not running within " + timeout + "; last status " + status);
    }

    /** A GET on the worker's REST API, e.g. {@code connectors/x/config}. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private URI url(String path) {
        return connect.rest().serverUrl().resolve(path);
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
        Exit.resetExitProcedure();
    }
}
