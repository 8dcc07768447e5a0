package io.schemagov.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dev stack's servers shared by every test of one JVM: each is started on first use,
 * once, and stopped when the JVM exits. Servers left by a JVM that was killed are reaped
 * before the first start. {@code -Dschemagov.stack=testcontainers} takes PostgreSQL, Kafka
 * and Elasticsearch from Docker containers instead (see {@link Containers}); MariaDB is
 * always the embedded one.
 */
public final class SharedStack {

    private static final Path ROOT = ServerProcesses.USER_DIRECTORY.resolve(Long.toString(ProcessHandle.current().pid()));
    private static final List<AutoCloseable> STARTED = new ArrayList<>();
    private static PostgresServer postgres;
    private static MariaDbServer mariaDb;
    private static KafkaBroker kafka;
    private static ElasticsearchServer elasticsearch;

    static {
        ServerProcesses.reapOrphans();
        Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stopAll, "schemagov-devstack-shutdown"));
    }

    private SharedStack() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = started(StackMode.current() == StackMode.TESTCONTAINERS
                    ? Containers.postgres()
                    : PostgresServer.start(ROOT.resolve("postgres")));
        }
        return postgres;
    }

    /** Started only by the tests that ask for it: the others do not pay for a MariaDB. */
    public static synchronized MariaDbServer mariaDb() {
        if (mariaDb == null) {
            mariaDb = started(MariaDbServer.start(ROOT.resolve("mariadb")));
        }
        return mariaDb;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = started(StackMode.current() == StackMode.TESTCONTAINERS
                    ? Containers.kafka()
                    : KafkaBroker.start(ROOT.resolve("kafka")));
        }
        return kafka;
    }

    public static synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = started(StackMode.current() == StackMode.TESTCONTAINERS
                    ? Containers.elasticsearch()
                    : ElasticsearchServer.start(ROOT.resolve("elasticsearch")));
        }
        return elasticsearch;
    }

    private static <T extends AutoCloseable> T started(T server) {
        STARTED.add(server);
        return server;
    }

    private static synchronized void stopAll() {
        for (int i = STARTED.size() - 1; i >= 0; i--) {
            try {
                STARTED.get(i).close();
            } catch (Exception e) {
                System.err.println("dev stack: failed to stop " + STARTED.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        ServerProcesses.deleteRecursively(ROOT);
    }
}
