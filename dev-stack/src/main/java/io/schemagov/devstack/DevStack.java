package io.schemagov.devstack;

import java.nio.file.Path;

/**
 * The three servers of the embedded default started together for the quick start:
 * PostgreSQL (also the monitored sandbox), Kafka and Elasticsearch, each under
 * {@code root}. Closing it stops them in reverse order.
 */
public final class DevStack implements AutoCloseable {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final ElasticsearchServer elasticsearch;

    private DevStack(PostgresServer postgres, KafkaBroker kafka, ElasticsearchServer elasticsearch) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    /** Starts fresh servers under {@code root}; whatever was there before is removed. */
    public static DevStack start(Path root) {
        ServerProcesses.refuseRoot();
        ServerProcesses.reapOrphans();
        ServerProcesses.deleteRecursively(root);
        ElasticsearchServer elasticsearch = ElasticsearchServer.start(root.resolve("elasticsearch"));
        PostgresServer postgres = null;
        try {
            postgres = PostgresServer.start(root.resolve("postgres"));
            KafkaBroker kafka = KafkaBroker.start(root.resolve("kafka"));
            return new DevStack(postgres, kafka, elasticsearch);
        } catch (RuntimeException e) {
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

    public KafkaBroker kafka() {
        return kafka;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    @Override
    public void close() {
        kafka.close();
        postgres.close();
        elasticsearch.close();
    }
}
