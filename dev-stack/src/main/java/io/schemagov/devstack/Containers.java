package io.schemagov.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The servers of {@code -Dschemagov.stack=testcontainers}: PostgreSQL, Kafka and
 * Elasticsearch as Docker containers, each configured like its embedded counterpart. Only
 * this class touches Testcontainers, so the embedded mode never loads it. Without a Docker
 * engine every request aborts the calling test, which JUnit reports as skipped.
 */
final class Containers {

    static final String POSTGRES_IMAGE_PROPERTY = "schemagov.testcontainers.postgres-image";
    static final String KAFKA_IMAGE_PROPERTY = "schemagov.testcontainers.kafka-image";
    static final String ELASTICSEARCH_IMAGE_PROPERTY = "schemagov.testcontainers.elasticsearch-image";
    private static final Duration DOCKER_CHECK_TIMEOUT = Duration.ofSeconds(20);
    private static final int ELASTICSEARCH_HTTP_PORT = 9200;
    /** Why Docker cannot be used; {@code ""} once it answered, {@code null} before the check. */
    private static String dockerProblem;

    private Containers() {
    }

    static PostgresServer postgres() {
        requireDocker();
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(image(POSTGRES_IMAGE_PROPERTY, "postgres:17"))
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD)
                .withDatabaseName("postgres")
                // The embedded server's settings: logical decoding for Debezium, commits visible to it at once.
                .withCommand("postgres", "-c", "fsync=off", "-c", "wal_level=logical", "-c", "synchronous_commit=on",
                        "-c", "max_wal_senders=20", "-c", "max_replication_slots=20", "-c", "max_connections=200");
        container.start();
        return PostgresServer.external(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container::stop);
    }

    static KafkaBroker kafka() {
        requireDocker();
        KafkaContainer container = new KafkaContainer(image(KAFKA_IMAGE_PROPERTY, "apache/kafka:" + buildProperty("kafka.version")))
                // As the embedded broker: topics are created by whoever needs them, one partition unless told.
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return KafkaBroker.external(container.getBootstrapServers(), container::stop);
    }

    static ElasticsearchServer elasticsearch() {
        requireDocker();
        // A plain container of the official image: the Elasticsearch module insists on the vendor's own image name.
        GenericContainer<?> container = new GenericContainer<>(
                image(ELASTICSEARCH_IMAGE_PROPERTY, "elasticsearch:" + buildProperty("elasticsearch.version")))
                .withExposedPorts(ELASTICSEARCH_HTTP_PORT)
                .withEnv("cluster.name", "schemagov-dev")
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("action.destructive_requires_name", "false")
                .withEnv("ES_JAVA_OPTS", System.getProperty("schemagov.elasticsearch.java-opts", "-Xms512m -Xmx512m"))
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=5s")
                        .forPort(ELASTICSEARCH_HTTP_PORT)
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        container.start();
        String url = "http://" + container.getHost() + ":" + container.getMappedPort(ELASTICSEARCH_HTTP_PORT);
        return ElasticsearchServer.external(url, container::stop);
    }

    /** Checks for a Docker engine once per JVM; without one, aborts the calling test with the reason. */
    static synchronized void requireDocker() {
        if (dockerProblem == null) {
            dockerProblem = checkDocker();
        }
        if (!dockerProblem.isEmpty()) {
            throw new TestAbortedException(StackMode.PROPERTY + "=" + StackMode.TESTCONTAINERS.propertyValue()
                    + " but no Docker engine answers (" + dockerProblem + "): integration tests skipped;"
                    + " run without -D" + StackMode.PROPERTY + " to use the embedded servers");
        }
    }

    /** {@code ""} when Docker answers, else why not; bounded, since a half-working engine could keep it waiting. */
    private static String checkDocker() {
        FutureTask<Boolean> check = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
        Thread thread = new Thread(check, "schemagov-docker-check");
        thread.setDaemon(true);
        thread.start();
        try {
            return check.get(DOCKER_CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS) ? ""
                    : "Testcontainers found no usable Docker environment; DOCKER_HOST is "
                            + System.getenv().getOrDefault("DOCKER_HOST", "unset");
        } catch (TimeoutException e) {
            check.cancel(true);
            return "no answer within " + DOCKER_CHECK_TIMEOUT.toSeconds() + " s";
        } catch (ExecutionException e) {
            return "the check failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking";
        }
    }

    private static DockerImageName image(String property, String defaultImage) {
        return DockerImageName.parse(System.getProperty(property, defaultImage));
    }

    private static String buildProperty(String name) {
        Properties properties = new Properties();
        try (InputStream in = Containers.class.getResourceAsStream("devstack.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("devstack.properties is missing from the dev-stack jar", e);
        }
        return properties.getProperty(name);
    }
}
