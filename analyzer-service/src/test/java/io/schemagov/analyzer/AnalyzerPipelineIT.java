package io.schemagov.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.devstack.KafkaBroker;
import io.schemagov.devstack.PrometheusScrape;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The analyzer against a real Kafka and Elasticsearch, fed with events as the ingest writes them. */
class AnalyzerPipelineIT {

    private static final String SCHEMA_TOPIC = "schemagov.schema-changes";
    private static final String DATA_TOPIC = "schemagov.data-changes";
    private static final String DLT = "schemagov.dlt";
    private static final String HEALTH_TOPIC = "schemagov.source-health";
    private static KafkaBroker kafka;
    private static KafkaProducer<String, byte[]> producer;
    private static ElasticsearchProbe elasticsearch;
    private static ConfigurableApplicationContext analyzer;

    @BeforeAll
    static void start() {
        kafka = SharedStack.kafka();
        kafka.createTopics(Set.of(SCHEMA_TOPIC, DATA_TOPIC, DLT, HEALTH_TOPIC), 3);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        elasticsearch = new ElasticsearchProbe(SharedStack.elasticsearch().httpUrl());
        analyzer = startAnalyzer();
    }

    static ConfigurableApplicationContext startAnalyzer() {
        return AnalyzerApplication.application().run(
                "--spring.elasticsearch.uris=" + SharedStack.elasticsearch().httpUrl(),
                "--schemagov.analyzer.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0");
    }

    @AfterAll
    static void stop() {
        analyzer.close();
        producer.close();
    }

    @Test
    void tableWithoutPrimaryKeyBecomesAFindingWithFullContext() throws Exception {
        send(SCHEMA_TOPIC, "db1/public.nopk", EventCodec.encode(TestEvents.ddl("db1", "00000000/00000100", "CREATE TABLE",
                "CREATE TABLE nopk (id bigint)", TestEvents.table("nopk", false))));
        JsonNode hit = elasticsearch.await("schemagov-findings", "database:db1 AND ruleId:primary-key-missing AND table:nopk",
                hits -> hits.size() == 1).get(0);
        JsonNode finding = hit.path("_source");
        assertThat(finding.path("severity").asText()).isEqualTo("HIGH");
        assertThat(finding.path("status").asText()).isEqualTo("open");
        assertThat(finding.path("object").asText()).isEqualTo("public.nopk");
        assertThat(finding.path("statement").asText()).isEqualTo("CREATE TABLE nopk (id bigint)");
        assertThat(finding.path("actor").path("role").asText()).isEqualTo("app_owner");
        assertThat(finding.path("actor").path("application").asText()).isEqualTo("flyway");
        assertThat(finding.path("position").asText()).isEqualTo("00000000/00000100");
        assertThat(finding.path("remediation").asText()).isNotBlank();
        assertThat(finding.path("eventTime").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(finding.path("detectedAt").asText()).isNotBlank();
        assertThat(elasticsearch.await("schemagov-schema-history", "database:db1 AND table:nopk", hits -> hits.size() == 1)
                .get(0).path("_source").path("snapshot").path("tableName").asText()).isEqualTo("nopk");
    }

    @Test
    void redeliveredEventDoesNotDuplicateFindings() throws Exception {
        byte[] event = EventCodec.encode(TestEvents.ddl("db2", "00000000/00000200", "CREATE TABLE", "CREATE TABLE twice (id bigint)",
                TestEvents.table("twice", false)));
        send(SCHEMA_TOPIC, "db2/public.twice", event);
        send(SCHEMA_TOPIC, "db2/public.twice", event);
        send(SCHEMA_TOPIC, "db2/public.marker", EventCodec.encode(TestEvents.ddl("db2", "00000000/00000300", "CREATE TABLE",
                "CREATE TABLE marker (id bigint)", TestEvents.table("marker", false))));
        elasticsearch.await("schemagov-findings", "database:db2 AND table:marker AND ruleId:primary-key-missing", hits -> hits.size() == 1);
        elasticsearch.await("schemagov-findings", "database:db2 AND table:twice AND ruleId:primary-key-missing", hits -> hits.size() == 1);
    }

    @Test
    void laterSnapshotWithPrimaryKeyResolvesTheFinding() throws Exception {
        send(SCHEMA_TOPIC, "db3/public.fixed", EventCodec.encode(TestEvents.ddl("db3", "00000000/00000400", "CREATE TABLE",
                "CREATE TABLE fixed (id bigint)", TestEvents.table("fixed", false))));
        elasticsearch.await("schemagov-findings", "database:db3 AND table:fixed AND ruleId:primary-key-missing AND status:open", hits -> hits.size() == 1);
        send(SCHEMA_TOPIC, "db3/public.fixed", EventCodec.encode(TestEvents.ddl("db3", "00000000/00000500", "ALTER TABLE",
                "ALTER TABLE fixed ADD PRIMARY KEY (id)", TestEvents.table("fixed", true))));
        JsonNode resolved = elasticsearch.await("schemagov-findings", "database:db3 AND table:fixed AND ruleId:primary-key-missing AND status:resolved",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(resolved.path("resolvedAtPosition").asText()).isEqualTo("00000000/00000500");
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndLaterRecordsAreProcessed() throws Exception {
        try (KafkaConsumer<String, byte[]> dlt = consumer(DLT)) {
            send(SCHEMA_TOPIC, "db4/poison", "{not avro at all".getBytes(StandardCharsets.UTF_8));
            send(SCHEMA_TOPIC, "db4/public.after", EventCodec.encode(TestEvents.ddl("db4", "00000000/00000600", "CREATE TABLE",
                    "CREATE TABLE after_poison (id bigint)", TestEvents.table("after_poison", false))));
            elasticsearch.await("schemagov-findings", "database:db4 AND table:after_poison AND ruleId:primary-key-missing", hits -> hits.size() == 1);
            ConsumerRecord<String, byte[]> dead = KafkaProbe.awaitRecord(dlt, "db4/poison");
            assertThat(KafkaProbe.header(dead, "schemagov.dlt.reason")).startsWith("not a SchemaChangeEvent");
            assertThat(KafkaProbe.header(dead, "schemagov.dlt.original-topic")).isEqualTo(SCHEMA_TOPIC);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not avro at all");
        }
    }

    @Test
    void slotLagOverTheThresholdIsAFindingResolvedByALaterReadingUnderIt() throws Exception {
        send(HEALTH_TOPIC, "db8", EventCodec.encode(health("db8", 50_000)));
        JsonNode finding = elasticsearch.await("schemagov-findings", "database:db8 AND ruleId:replication-slot-lag AND status:open",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(finding.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(finding.path("object").asText()).isEqualTo("schemagov_db8");
        assertThat(finding.path("lagBytes").asLong()).isEqualTo(50_000);
        send(HEALTH_TOPIC, "db8", EventCodec.encode(health("db8", 10)));
        elasticsearch.await("schemagov-findings", "database:db8 AND ruleId:replication-slot-lag AND status:resolved",
                hits -> hits.size() == 1);
    }

    @Test
    void malformedSourceHealthEventGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        send(HEALTH_TOPIC, "db9", "garbage".getBytes(StandardCharsets.UTF_8));
        send(HEALTH_TOPIC, "db9-negative", EventCodec.encode(health("db9", -5)));
        // One reader each: a reader that found one key has consumed past the records polled with it.
        try (KafkaConsumer<String, byte[]> dlt = consumer(DLT); KafkaConsumer<String, byte[]> again = consumer(DLT)) {
            assertThat(KafkaProbe.header(KafkaProbe.awaitRecord(dlt, "db9"), "schemagov.dlt.reason"))
                    .startsWith("not a SourceHealthEvent");
            ConsumerRecord<String, byte[]> negative = KafkaProbe.awaitRecord(again, "db9-negative");
            assertThat(KafkaProbe.header(negative, "schemagov.dlt.reason")).startsWith("SourceHealthEvent out of range: lag -5");
            assertThat(KafkaProbe.header(negative, "schemagov.dlt.original-topic")).isEqualTo(HEALTH_TOPIC);
        }
    }

    private static io.schemagov.model.SourceHealthEvent health(String database, long lag) {
        return io.schemagov.model.SourceHealthEvent.newBuilder().setDatabase(database).setSlot("schemagov_" + database)
                .setLagBytes(lag).setThresholdBytes(1024).setObservedAt(java.time.Instant.now()).build();
    }

    @Test
    void dataChangeBecomesAnAuditRecordInTheDailyIndex() throws Exception {
        send(DATA_TOPIC, "db5/public.accounts/9", EventCodec.encode(TestEvents.insert("db5", "00000000/00000700", "accounts",
                Map.of("id", "9", "balance", "12.50"))));
        elasticsearch.refresh("schemagov-audit");
        JsonNode hits = elasticsearch.await("schemagov-audit", "database:db5", h -> {
            try {
                elasticsearch.refresh("schemagov-audit");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return h.size() == 1;
        });
        assertThat(hits.get(0).path("_index").asText()).isEqualTo("schemagov-audit-db5-2026.11.20");
        JsonNode audit = hits.get(0).path("_source");
        assertThat(audit.path("operation").asText()).isEqualTo("INSERT");
        assertThat(audit.path("table").asText()).isEqualTo("public.accounts");
        assertThat(audit.path("after").path("balance").asText()).isEqualTo("12.50");
    }

    @Test
    void restartingTheAnalyzerLosesAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < 20; i++) {
            send(SCHEMA_TOPIC, "db6/t" + i, tableWithoutKey("db6", i));
        }
        analyzer.close();
        for (int i = 20; i < 40; i++) {
            send(SCHEMA_TOPIC, "db6/t" + i, tableWithoutKey("db6", i));
        }
        analyzer = startAnalyzer();
        JsonNode hits = elasticsearch.await("schemagov-findings", "database:db6 AND ruleId:primary-key-missing", h -> h.size() >= 40);
        assertThat(hits).hasSize(40);
        assertThat(elasticsearch.await("schemagov-schema-history", "database:db6", h -> h.size() >= 40)).hasSize(40);
    }

    @Test
    void prometheusEndpointCountsTheEventsFindingsRuleTimeAndBulkWritesOfProcessedRecords() throws Exception {
        send(SCHEMA_TOPIC, "db7/public.metered", EventCodec.encode(TestEvents.ddl("db7", "00000000/00000800", "CREATE TABLE",
                "CREATE TABLE metered (id bigint)", TestEvents.table("metered", false))));
        send(SCHEMA_TOPIC, "db7/poison", "not avro".getBytes(StandardCharsets.UTF_8));
        elasticsearch.await("schemagov-findings", "database:db7 AND table:metered AND ruleId:primary-key-missing", hits -> hits.size() == 1);
        PrometheusScrape scrape = PrometheusScrape.await(((WebServerApplicationContext) analyzer).getWebServer().getPort(), s -> s.value("schemagov_analyzer_dead_letters_total", "stage", "analyzer") >= 1
                && s.value("schemagov_analyzer_events_total", "topic", SCHEMA_TOPIC, "outcome", "dead-lettered") >= 1);

        assertThat(scrape.value("schemagov_analyzer_events_total", "topic", SCHEMA_TOPIC, "outcome", "processed")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("schemagov_analyzer_findings_total", "severity", "HIGH")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("schemagov_analyzer_rules_evaluation_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("schemagov_analyzer_rules_evaluation_seconds_bucket", "le", "+Inf")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("schemagov_analyzer_elasticsearch_bulk_seconds_count", "outcome", "success")).isGreaterThanOrEqualTo(1);
        // Bound from the consumer itself: present, whatever its value before the first fetch window closes.
        assertThat(scrape.text()).containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*pipeline=\"schema\"");
    }

    private static byte[] tableWithoutKey(String database, int i) {
        SchemaChangeEvent event = TestEvents.ddl(database, String.format("00000000/%08X", 0x1000 + i), "CREATE TABLE",
                "CREATE TABLE t" + i + " (id bigint)", TestEvents.table("t" + i, false));
        return EventCodec.encode(event);
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        return KafkaProbe.consumer(kafka.bootstrapServers(), topic);
    }
}
