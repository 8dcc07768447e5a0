package io.schemagov.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.devstack.KafkaBroker;
import io.schemagov.devstack.PrometheusScrape;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.Finding;
import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.RuleScope;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three analyzers in one consumer group on topics of six partitions: two in this JVM and one in a JVM of its own,
 * which is killed ({@code kill -9}) mid-stream, and then one of the others is closed mid-stream. Every event yields
 * known findings, schema history and audit documents; at the end each exists exactly once, tables fixed after their
 * partition moved to another instance have their state finding resolved, and nothing was dead-lettered.
 */
class ScaleOutIT {

    private static final int PARTITIONS = 6;
    private static final int TABLES_PER_WAVE = 40;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String DATABASE = "scaleout-" + RUN;
    private static final String SCHEMA_TOPIC = "scaleout-" + RUN + ".schema-changes";
    private static final String DATA_TOPIC = "scaleout-" + RUN + ".data-changes";
    private static final String HEALTH_TOPIC = "scaleout-" + RUN + ".source-health";
    private static final String DLT = "scaleout-" + RUN + ".dlt";
    private static final String GROUP = "scaleout-" + RUN;
    private static final RuleEngine RULES = RuleEngine.withDefaults();
    private static KafkaBroker kafka;
    private static KafkaProducer<String, byte[]> producer;
    private static ElasticsearchProbe elasticsearch;
    private static Admin admin;
    private static final List<ConfigurableApplicationContext> analyzers = new ArrayList<>();
    private static Process separate;
    /** What the analyzer must write: a state finding once per table and rule, a change finding once per event. */
    private static final Set<String> expectedFindings = new HashSet<>();
    private static int events;

    @BeforeAll
    static void start() throws Exception {
        kafka = SharedStack.kafka();
        kafka.createTopics(Set.of(SCHEMA_TOPIC, DATA_TOPIC, HEALTH_TOPIC, DLT), PARTITIONS);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        elasticsearch = new ElasticsearchProbe(SharedStack.elasticsearch().httpUrl());
        analyzers.add(AnalyzerApplication.application().run(arguments().toArray(String[]::new)));
        analyzers.add(AnalyzerApplication.application().run(arguments().toArray(String[]::new)));
        separate = startSeparateAnalyzer();
    }

    @AfterAll
    static void stop() {
        analyzers.forEach(ConfigurableApplicationContext::close);
        if (separate != null) {
            separate.destroyForcibly();
        }
        producer.close();
        admin.close();
    }

    @Test
    void instancesShareThePartitionsAndLoseOrDuplicateNothingWhenOneIsKilledAndOneStops() throws Exception {
        awaitGroup(GROUP, 3, "three analyzers sharing the schema-change partitions");
        awaitGroup(GROUP + "-audit", 3, "three analyzers sharing the data-change partitions");

        wave("a", 0);
        awaitCount("ruleId:primary-key-missing", TABLES_PER_WAVE, "the first wave's findings");
        for (ConfigurableApplicationContext analyzer : analyzers) {
            // Each instance in this JVM processed a share of the records itself.
            PrometheusScrape scrape = PrometheusScrape.await(((WebServerApplicationContext) analyzer).getWebServer().getPort(), s -> s.value("schemagov_analyzer_events_total",
                    "topic", SCHEMA_TOPIC, "outcome", "processed") > 0
                    && s.value("schemagov_analyzer_events_total", "topic", DATA_TOPIC, "outcome", "processed") > 0);
            assertThat(scrape.value("schemagov_analyzer_events_total", "topic", SCHEMA_TOPIC, "outcome", "processed"))
                    .isLessThan(TABLES_PER_WAVE);
        }

        // Abruptly, mid-stream: the separate JVM is killed while a wave is produced; its partitions wait for its
        // session to time out, then move, and what it wrote but had not committed is analysed again.
        CompletableFuture<Void> duringKill = produceAsync("b");
        Thread.sleep(100);
        separate.destroyForcibly().waitFor();
        duringKill.get();
        awaitGroup(GROUP, 2, "two analyzers left after the kill");
        // Gracefully, mid-stream: the second in-process analyzer leaves while a wave is produced.
        CompletableFuture<Void> duringClose = produceAsync("c");
        Thread.sleep(50);
        analyzers.remove(1).close();
        duringClose.get();
        awaitGroup(GROUP, 1, "the last analyzer holding every partition");
        wave("d", 0);
        // Tables of the first wave, analysed before the partitions moved, fixed now: their state findings resolve.
        for (int i = 0; i < TABLES_PER_WAVE; i++) {
            SchemaChangeEvent fix = TestEvents.ddl(DATABASE, position("fix", i), "ALTER TABLE",
                    "ALTER TABLE a_" + i + " ADD PRIMARY KEY (id)", TestEvents.table("a_" + i, true));
            expect(fix);
            send(SCHEMA_TOPIC, key("a", i), EventCodec.encode(fix));
        }

        awaitCount("ruleId:primary-key-missing AND status:resolved", TABLES_PER_WAVE, "the fixed tables resolved");
        awaitCount("ruleId:primary-key-missing", 4 * TABLES_PER_WAVE, "every wave's primary-key-missing finding");
        awaitCount("*", expectedFindings.size(), "every finding of every event");
        awaitCount(ElasticsearchIndices.SCHEMA_HISTORY, "*", events, "a schema history document per schema change");
        awaitCount(ElasticsearchIndices.AUDIT_ALIAS, "*", 4 * TABLES_PER_WAVE, "an audit record per data change");
        Thread.sleep(3_000); // anything late or repeated would show now
        assertThat(count(ElasticsearchIndices.FINDINGS, "*")).isEqualTo(expectedFindings.size());
        assertThat(count(ElasticsearchIndices.FINDINGS, "ruleId:primary-key-missing AND status:open"))
                .isEqualTo(3 * TABLES_PER_WAVE);
        assertThat(count(ElasticsearchIndices.SCHEMA_HISTORY, "*")).isEqualTo(events);
        assertThat(count(ElasticsearchIndices.AUDIT_ALIAS, "*")).isEqualTo(4 * TABLES_PER_WAVE);
        assertThat(deadLetters()).isZero();
    }

    private static CompletableFuture<Void> produceAsync(String prefix) {
        return CompletableFuture.runAsync(() -> {
            try {
                wave(prefix, 5);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One table without a primary key per event, and one row of it, keyed by table as the ingest keys them. */
    private static void wave(String prefix, long pauseMillis) throws Exception {
        for (int i = 0; i < TABLES_PER_WAVE; i++) {
            SchemaChangeEvent event = TestEvents.ddl(DATABASE, position(prefix, i), "CREATE TABLE",
                    "CREATE TABLE " + prefix + "_" + i + " (id bigint)", TestEvents.table(prefix + "_" + i, false));
            expect(event);
            send(SCHEMA_TOPIC, key(prefix, i), EventCodec.encode(event));
            send(DATA_TOPIC, key(prefix, i), EventCodec.encode(TestEvents.insert(DATABASE, position(prefix + "-row", i),
                    prefix + "_" + i, Map.of("id", String.valueOf(i)))));
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }

    /** Without the run's database name, so that the spread over the partitions is the same in every run. */
    private static synchronized void expect(SchemaChangeEvent event) {
        Set<String> stateRules = new HashSet<>();
        RULES.rules().stream().filter(r -> r.scope() == RuleScope.TABLE_STATE).forEach(r -> stateRules.add(r.id()));
        for (Finding finding : RULES.evaluate(event).findings()) {
            expectedFindings.add(stateRules.contains(finding.ruleId()) ? "state " + finding.ruleId() + " " + finding.table()
                    : event.getSource().getPosition() + " " + finding.ruleId() + " " + finding.object());
        }
        events++;
    }

    private static String key(String prefix, int i) {
        return "scaleout/public." + prefix + "_" + i;
    }

    private static String position(String prefix, int i) {
        return prefix + "/" + String.format("%08X", i);
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static List<String> arguments() {
        return List.of(
                "--spring.elasticsearch.uris=" + SharedStack.elasticsearch().httpUrl(),
                "--schemagov.analyzer.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--schemagov.analyzer.kafka.group-id=" + GROUP,
                "--schemagov.analyzer.kafka.schema-changes-topic=" + SCHEMA_TOPIC,
                "--schemagov.analyzer.kafka.data-changes-topic=" + DATA_TOPIC,
                "--schemagov.analyzer.kafka.source-health-topic=" + HEALTH_TOPIC,
                "--schemagov.analyzer.kafka.dead-letter-topic=" + DLT,
                "--schemagov.analyzer.kafka.max-poll-records=10",
                "--server.port=0");
    }

    /** An analyzer in a JVM of its own, on this test's classpath, so that it can be killed without a goodbye. */
    private static Process startSeparateAnalyzer() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), AnalyzerApplication.class.getName()));
        command.addAll(arguments());
        File log = Files.createTempFile("scaleout-separate-analyzer", ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Waits until the group has exactly this many members and every one of them holds at least one partition. */
    private static void awaitGroup(String group, int members, String what) throws Exception {
        await(() -> {
            try {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                Collection<MemberDescription> current = description.members();
                Set<TopicPartition> assigned = new HashSet<>();
                current.forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
                return current.size() == members
                        && current.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())
                        && assigned.stream().filter(p -> !p.topic().equals(HEALTH_TOPIC)).count() == PARTITIONS;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(120), what);
    }

    private static void awaitCount(String query, int expected, String what) throws Exception {
        awaitCount(ElasticsearchIndices.FINDINGS, query, expected, what);
    }

    private static void awaitCount(String index, String query, int expected, String what) throws Exception {
        await(() -> {
            try {
                return count(index, query) >= expected;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(150), what + " (" + expected + ")");
    }

    private static long count(String index, String query) throws Exception {
        elasticsearch.refresh(index);
        String database = "database:\"" + DATABASE + "\"";
        String q = query.equals("*") ? database : database + " AND (" + query + ")";
        return elasticsearch.get("/" + index + "/_count?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).path("count").asLong();
    }

    private static long deadLetters() {
        try (KafkaConsumer<String, byte[]> consumer = KafkaProbe.consumer(kafka.bootstrapServers(), DLT)) {
            long seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(500)).count();
            }
            return seen;
        }
    }

    private static void await(BooleanSupplier done, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(done.getAsBoolean()).as(what + " within " + timeout.toSeconds() + " s").isTrue();
    }
}
