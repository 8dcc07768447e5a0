package io.schemagov.devstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller): running inside this
 * JVM on loopback ports with its log in a folder of its own, or one reached by its
 * bootstrap servers, such as a container.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";

    private final String bootstrapServers;
    private final AutoCloseable stop;

    private KafkaBroker(String bootstrapServers, AutoCloseable stop) {
        this.bootstrapServers = bootstrapServers;
        this.stop = stop;
    }

    /** A broker this JVM did not start; closing it runs {@code stop}. */
    static KafkaBroker external(String bootstrapServers, AutoCloseable stop) {
        return new KafkaBroker(bootstrapServers, stop);
    }

    /** Formats a fresh log in {@code logDirectory} and starts the broker on free ports. */
    public static KafkaBroker start(Path logDirectory) {
        int brokerPort = ServerProcesses.freePort();
        int controllerPort = ServerProcesses.freePort();
        try {
            Files.createDirectories(logDirectory);
            Properties config = config(logDirectory, brokerPort, controllerPort);
            format(logDirectory);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker("127.0.0.1:" + brokerPort, () -> {
                server.shutdown();
                server.awaitShutdown();
            });
            broker.awaitReady(Duration.ofSeconds(60));
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start in " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    private static Properties config(Path logDirectory, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", CONTROLLER);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path logDirectory) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName(CONTROLLER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setIgnoreFormatted(true)
                .run();
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get();
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker not ready after " + timeout, e.getCause());
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Set<String> names, int partitions) {
        try (Admin admin = admin()) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not stop cleanly", e);
        }
    }
}
