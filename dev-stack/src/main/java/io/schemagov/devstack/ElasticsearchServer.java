package io.schemagov.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real Elasticsearch node, launched as a child process from the distribution Maven
 * unpacked at build time, with its own config, data, log and tmp folders. Its HTTP port is
 * read from the ports file the node writes, and it counts as started when the cluster
 * health answers yellow or green. {@link #external} instead stands for a node this JVM did
 * not launch, such as a container, reached by its HTTP URL.
 */
public final class ElasticsearchServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path workDirectory;
    private final String httpUrl;
    private final AutoCloseable externalStop;

    private ElasticsearchServer(Process process, Path workDirectory, String httpUrl, AutoCloseable externalStop) {
        this.process = process;
        this.workDirectory = workDirectory;
        this.httpUrl = httpUrl;
        this.externalStop = externalStop;
    }

    /** A node this JVM did not launch; closing it runs {@code stop}. */
    static ElasticsearchServer external(String httpUrl, AutoCloseable stop) {
        return new ElasticsearchServer(null, null, httpUrl, stop);
    }

    /** Starts a fresh node whose files all live under {@code workDirectory} (emptied first). */
    public static ElasticsearchServer start(Path workDirectory) {
        ServerProcesses.refuseRoot();
        Path home = distributionHome();
        ServerProcesses.deleteRecursively(workDirectory);
        try {
            Path config = prepareConfig(home, workDirectory);
            Path logs = workDirectory.resolve("logs");
            Path tmp = Files.createDirectories(workDirectory.resolve("tmp"));
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/elasticsearch").toString(),
                    "-p", workDirectory.resolve("elasticsearch.pid").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve("console.log").toFile());
            builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("ES_PATH_CONF", config.toString());
            builder.environment().put("ES_TMPDIR", tmp.toString());
            builder.environment().put("ES_JAVA_OPTS", System.getProperty("schemagov.elasticsearch.java-opts", "-Xms512m -Xmx512m"));
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            Process process = builder.start();
            ServerProcesses.record("elasticsearch-" + process.pid(), List.of(process.pid()));
            String url = "http://127.0.0.1:" + awaitHttpPort(process, logs);
            ElasticsearchServer server = new ElasticsearchServer(process, workDirectory, url, null);
            server.awaitHealthy();
            ServerProcesses.record("elasticsearch-" + process.pid(), pidsOf(process));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch from " + home, e);
        }
    }

    /** Where the build unpacked the distribution; {@code -Dschemagov.elasticsearch.home} overrides it. */
    static Path distributionHome() {
        String override = System.getProperty("schemagov.elasticsearch.home");
        if (override != null) {
            return Path.of(override);
        }
        Properties properties = new Properties();
        try (InputStream in = ElasticsearchServer.class.getResourceAsStream("devstack.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("devstack.properties is missing from the dev-stack jar", e);
        }
        Path home = Path.of(properties.getProperty("elasticsearch.home"));
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at " + home
                    + ": build the project first (./mvnw install -DskipTests) or set -Dschemagov.elasticsearch.home");
        }
        return home;
    }

    private static Path prepareConfig(Path home, Path workDirectory) throws IOException {
        Path config = Files.createDirectories(workDirectory.resolve("config"));
        try (Stream<Path> files = Files.list(home.resolve("config"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, config.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(config.resolve("jvm.options.d"));
        String yaml = String.join("\n",
                "cluster.name: schemagov-dev",
                "node.name: schemagov-dev-node",
                "path.data: " + workDirectory.resolve("data"),
                "path.logs: " + workDirectory.resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: 0",
                "transport.port: 0",
                "node.portsfile: true",
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false",
                "");
        Files.writeString(config.resolve("elasticsearch.yml"), yaml, StandardCharsets.UTF_8);
        return config;
    }

    private static int awaitHttpPort(Process process, Path logs) {
        Path portsFile = logs.resolve("http.ports");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue(), logs);
            }
            try {
                if (Files.exists(portsFile)) {
                    String first = Files.readAllLines(portsFile).get(0).trim();
                    return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
                }
                Thread.sleep(200);
            } catch (IOException | IndexOutOfBoundsException | NumberFormatException e) {
                // The node writes the file while we read it; look again.
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
                throw new IllegalStateException("interrupted while starting Elasticsearch", e);
            }
        }
        process.destroy();
        throw failure("wrote no ports file within " + START_TIMEOUT, logs);
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(httpUrl + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
                    return;
                }
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw failure("did not become healthy", workDirectory.resolve("logs"));
    }

    private static List<Long> pidsOf(Process process) {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private static IllegalStateException failure(String what, Path logs) {
        return new IllegalStateException("Elasticsearch " + what + ". Last lines of its output:"
                + System.lineSeparator() + ServerProcesses.tail(logs.resolve("console.log"), 40));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String httpUrl() {
        return httpUrl;
    }

    @Override
    public void close() {
        if (externalStop != null) {
            closeExternal();
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        ServerProcesses.forget("elasticsearch-" + process.pid());
    }

    private void closeExternal() {
        try {
            externalStop.close();
        } catch (Exception e) {
            throw new IllegalStateException("Elasticsearch did not stop cleanly", e);
        }
    }
}
