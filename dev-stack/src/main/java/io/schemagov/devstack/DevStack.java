package io.schemagov.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The servers of the embedded default started together for the quick start: PostgreSQL
 * (also the monitored sandbox), Kafka, Elasticsearch and, when asked for, a MariaDB sandbox,
 * each under {@code root}. Closing it stops them in reverse order.
 */
public final class DevStack implements AutoCloseable {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final ElasticsearchServer elasticsearch;
    private final MariaDbServer mariaDb;

    private DevStack(PostgresServer postgres, KafkaBroker kafka, ElasticsearchServer elasticsearch, MariaDbServer mariaDb) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.mariaDb = mariaDb;
    }

    /** Starts fresh servers under {@code root}, without MariaDB; whatever was there before is removed. */
    public static DevStack start(Path root) {
        return start(root, false);
    }

    /** Starts fresh servers under {@code root}, with a MariaDB when {@code withMariaDb}. */
    public static DevStack start(Path root, boolean withMariaDb) {
        ServerProcesses.refuseRoot();
        ServerProcesses.reapOrphans();
        ServerProcesses.deleteRecursively(root);
        ElasticsearchServer elasticsearch = ElasticsearchServer.start(root.resolve("elasticsearch"));
        PostgresServer postgres = null;
        MariaDbServer mariaDb = null;
        try {
            postgres = PostgresServer.start(root.resolve("postgres"));
            if (withMariaDb) {
                mariaDb = MariaDbServer.start(root.resolve("mariadb"));
            }
            KafkaBroker kafka = KafkaBroker.start(root.resolve("kafka"));
            return new DevStack(postgres, kafka, elasticsearch, mariaDb);
        } catch (RuntimeException e) {
            if (mariaDb != null) {
                mariaDb.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            elasticsearch.close();
            throw e;
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The MariaDB sandbox, when the stack was started with one. */
    public Optional<MariaDbServer> mariaDb() {
        return Optional.ofNullable(mariaDb);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    @Override
    public void close() {
        kafka.close();
        if (mariaDb != null) {
            mariaDb.close();
        }
        postgres.close();
        elasticsearch.close();
    }
}
