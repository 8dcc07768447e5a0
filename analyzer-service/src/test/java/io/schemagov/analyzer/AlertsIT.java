package io.schemagov.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.schemagov.analyzer.WebhookReceiver.Answer;
import io.schemagov.analyzer.WebhookReceiver.Received;
import io.schemagov.analyzer.alerts.AlertStage;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.devstack.KafkaBroker;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.AlertEvent;
import io.schemagov.model.AlertKind;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Alerts end to end: events into the real Kafka, the analyzer on the real Elasticsearch, and
 * real receivers (an HTTP server in the test, a consumer on the alerts topic). Each test uses
 * its own database name, which the routes send to its own channel.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class AlertsIT {

    private static final String SCHEMA_TOPIC = "schemagov.schema-changes";
    private static final String ALERTS_TOPIC = "schemagov.alerts";
    private static final String DLT = "schemagov.dlt";
    private static final String DASHBOARD = "http://dashboard.test:8080";
    private static KafkaBroker kafka;
    private static KafkaProducer<String, byte[]> producer;
    private static ElasticsearchProbe elasticsearch;
    private static WebhookReceiver receiver;
    private static GreenMail smtp;
    private static ConfigurableApplicationContext analyzer;

    @BeforeAll
    static void start() {
        kafka = SharedStack.kafka();
        kafka.createTopics(Set.of(SCHEMA_TOPIC, "schemagov.data-changes", DLT, ALERTS_TOPIC), 3);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        elasticsearch = new ElasticsearchProbe(SharedStack.elasticsearch().httpUrl());
        receiver = new WebhookReceiver();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        smtp.setUser("oncall@test.invalid", "alerts", "s3cr3t-smtp");
        analyzer = startAnalyzer("alerts-it-" + UUID.randomUUID());
    }

    static ConfigurableApplicationContext startAnalyzer(String groupId) {
        String a = "--schemagov.analyzer.alerts.";
        return AnalyzerApplication.application().run(
                "--spring.elasticsearch.uris=" + SharedStack.elasticsearch().httpUrl(),
                "--schemagov.analyzer.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--schemagov.analyzer.kafka.group-id=" + groupId,
                a + "dashboard-url=" + DASHBOARD,
                // The default quiet period; a generous window, so that a slow shared machine cannot cut the burst of 40.
                a + "group-window=20s",
                a + "delivery.max-attempts=3",
                a + "acknowledgement-poll=200ms",
                a + "delivery.initial-backoff=100ms",
                a + "delivery.max-backoff=2s",
                a + "delivery.timeout=1s",
                a + "channels.hook.type=WEBHOOK", a + "channels.hook.url=" + receiver.url("/hook"),
                a + "channels.slack.type=SLACK", a + "channels.slack.url=" + receiver.url("/slack"),
                a + "channels.teams.type=TEAMS", a + "channels.teams.url=" + receiver.url("/teams"),
                a + "channels.events.type=KAFKA",
                a + "channels.flaky.type=WEBHOOK", a + "channels.flaky.url=" + receiver.url("/flaky"),
                a + "channels.slow.type=WEBHOOK", a + "channels.slow.url=" + receiver.url("/slow"),
                a + "channels.dead.type=WEBHOOK", a + "channels.dead.url=" + receiver.url("/dead?token=s3cr3t-dead"),
                a + "channels.mail.type=EMAIL", a + "channels.mail.smtp.host=127.0.0.1",
                a + "channels.mail.smtp.port=" + smtp.getSmtp().getPort(), a + "channels.mail.smtp.starttls=false",
                a + "channels.mail.smtp.username=alerts", a + "channels.mail.smtp.password=s3cr3t-smtp",
                a + "channels.mail.from=schemagov@test.invalid", a + "channels.mail.to=oncall@test.invalid",
                a + "routes[0].min-severity=HIGH",
                a + "routes[0].databases=alerts-main,alerts-resolve,alerts-ack,alerts-burst,alerts-quiet,alerts-dedup",
                a + "routes[0].channels=hook",
                a + "routes[1].databases=alerts-main", a + "routes[1].channels=slack,teams,events",
                a + "routes[2].databases=alerts-flaky", a + "routes[2].channels=flaky",
                a + "routes[3].databases=alerts-slow", a + "routes[3].channels=slow",
                a + "routes[4].databases=alerts-dead", a + "routes[4].channels=dead",
                a + "routes[5].databases=alerts-mail", a + "routes[5].channels=mail");
    }

    @AfterAll
    static void stop() {
        analyzer.close();
        producer.close();
        receiver.close();
        smtp.stop();
    }

    @Test
    @Order(1)
    void riskyChangeReachesWebhookSlackTeamsAndTheAlertsTopic() throws Exception {
        try (KafkaConsumer<String, byte[]> alerts = consumer(ALERTS_TOPIC)) {
            send("alerts-main/t", ddl("alerts-main", 0x100, "orders_nopk"));
            JsonNode hook = single(receiver.await("/hook", r -> !forDatabase(r, "alerts-main").isEmpty()), "alerts-main");
            assertThat(hook.path("kind").asText()).isEqualTo("alert");
            JsonNode finding = hook.path("findings").get(0);
            assertThat(finding.path("ruleId").asText()).isEqualTo("primary-key-missing");
            assertThat(finding.path("severity").asText()).isEqualTo("HIGH");
            assertThat(finding.path("statement").asText()).isEqualTo("CREATE TABLE orders_nopk (id bigint)");
            assertThat(finding.path("actor").path("role").asText()).isEqualTo("app_owner");
            assertThat(finding.path("table").asText()).isEqualTo("orders_nopk");
            String findingId = finding.path("id").asText();
            assertThat(finding.path("link").asText()).isEqualTo(DASHBOARD + "/api/findings/" + findingId);
            // The alert points at a finding that is already searchable.
            assertThat(elasticsearch.search(ElasticsearchIndices.FINDINGS, "_id:" + findingId)).hasSize(1);

            JsonNode slack = receiver.await("/slack", r -> r.size() == 1).get(0).body();
            assertThat(slack.path("text").asText()).isEqualTo("1 risky change on alerts-main");
            String section = slack.path("blocks").get(1).path("text").path("text").asText();
            assertThat(section).contains("CREATE TABLE orders_nopk (id bigint)", "Table size:", "Lock:", "Actor: app_owner via flyway",
                    "<" + DASHBOARD + "/api/findings/" + findingId + "|");

            JsonNode teams = receiver.await("/teams", r -> r.size() == 1).get(0).body();
            assertThat(teams.path("@type").asText()).isEqualTo("MessageCard");
            assertThat(teams.path("sections").get(0).path("facts").toString()).contains("CREATE TABLE orders_nopk (id bigint)");

            AlertEvent event = EventCodec.decodeAlert(KafkaProbe.awaitRecord(alerts, "alerts-main").value());
            assertThat(event.getKind()).isEqualTo(AlertKind.ALERT);
            assertThat(event.getFindings()).singleElement()
                    .satisfies(f -> assertThat(f.getFindingId()).isEqualTo(findingId));

            JsonNode logged = elasticsearch.await(ElasticsearchIndices.ALERT_DELIVERIES, "findingId:" + findingId,
                    h -> h.size() == 4).get(0).path("_source");
            assertThat(logged.path("status").asText()).isEqualTo("delivered");
        }
    }

    @Test
    @Order(1)
    void riskyChangeArrivesByEmailOverSmtp() throws Exception {
        send("alerts-mail/t", ddl("alerts-mail", 0x150, "mailed_t"));
        assertThat(smtp.waitForIncomingEmail(60_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[schemagov] 1 risky change on alerts-mail");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@test.invalid");
        assertThat(GreenMailUtil.getBody(mail)).contains("CREATE TABLE mailed_t (id bigint)", "Actor:      app_owner via flyway",
                DASHBOARD + "/api/findings/");
    }

    @Test
    @Order(2)
    void resolvedFindingSendsAResolution() throws Exception {
        send("alerts-resolve/t", ddl("alerts-resolve", 0x200, "fixed_later"));
        receiver.await("/hook", r -> !forDatabase(r, "alerts-resolve").isEmpty());
        send("alerts-resolve/t", EventCodec.encode(TestEvents.ddl("alerts-resolve", "00000000/00000201", "ALTER TABLE",
                "ALTER TABLE fixed_later ADD PRIMARY KEY (id)", TestEvents.table("fixed_later", true))));
        List<JsonNode> messages = receiver.await("/hook", r -> forDatabase(r, "alerts-resolve").size() == 2)
                .stream().map(Received::body).filter(b -> b.path("database").asText().equals("alerts-resolve")).toList();
        JsonNode resolution = messages.get(1);
        assertThat(resolution.path("kind").asText()).isEqualTo("resolution");
        assertThat(resolution.path("findings").get(0).path("status").asText()).isEqualTo("resolved");
        assertThat(resolution.path("findings").get(0).path("id").asText())
                .isEqualTo(messages.get(0).path("findings").get(0).path("id").asText());
    }

    @Test
    @Order(2)
    void acknowledgedFindingSendsAResolution() throws Exception {
        send("alerts-ack/t", ddl("alerts-ack", 0x210, "acked_later"));
        JsonNode alert = receiver.await("/hook", r -> !forDatabase(r, "alerts-ack").isEmpty()).stream().map(Received::body)
                .filter(b -> b.path("database").asText().equals("alerts-ack")).findFirst().orElseThrow();
        String findingId = alert.path("findings").get(0).path("id").asText();

        // What the dashboard writes when someone acknowledges the finding.
        elasticsearch.update("schemagov-findings", findingId, "{\"status\": \"acknowledged\", \"acknowledgement\": "
                + "{\"by\": \"oncall\", \"at\": \"" + java.time.Instant.now() + "\", \"reason\": \"known, fix tonight\"}}");

        List<JsonNode> messages = receiver.await("/hook", r -> forDatabase(r, "alerts-ack").size() == 2)
                .stream().map(Received::body).filter(b -> b.path("database").asText().equals("alerts-ack")).toList();
        assertThat(messages.get(1).path("kind").asText()).isEqualTo("resolution");
        assertThat(messages.get(1).path("findings").get(0).path("status").asText()).isEqualTo("acknowledged");
        assertThat(messages.get(1).path("findings").get(0).path("id").asText()).isEqualTo(findingId);
    }

    @Test
    @Order(3)
    void retriesOnServerErrorAndHonoursRetryAfterOnTooManyRequests() throws Exception {
        receiver.script("/flaky", Answer.status(500), new Answer(429, Map.of("Retry-After", "1"), Duration.ZERO));
        send("alerts-flaky/t", ddl("alerts-flaky", 0x300, "flaky_target"));
        List<Received> attempts = receiver.await("/flaky", r -> r.size() == 3);
        assertThat(attempts).allSatisfy(r -> assertThat(r.body().path("findings").get(0).path("table").asText()).isEqualTo("flaky_target"));
        assertThat(attempts.get(2).nanoTime() - attempts.get(1).nanoTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        JsonNode logged = elasticsearch.await(ElasticsearchIndices.ALERT_DELIVERIES, "channel:flaky AND status:delivered",
                h -> h.size() == 1).get(0).path("_source");
        assertThat(logged.path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    @Order(4)
    void receiverThatDoesNotAnswerInTimeIsTriedAgain() throws Exception {
        receiver.script("/slow", new Answer(200, Map.of(), Duration.ofSeconds(3)));
        send("alerts-slow/t", ddl("alerts-slow", 0x400, "slow_target"));
        receiver.await("/slow", r -> r.size() == 2);
        JsonNode logged = elasticsearch.await(ElasticsearchIndices.ALERT_DELIVERIES, "channel:slow AND status:delivered",
                h -> h.size() == 1).get(0).path("_source");
        assertThat(logged.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void alertThatCannotBeDeliveredIsLoggedAsFailedAndDeadLettered(CapturedOutput output) throws Exception {
        receiver.answerAlways("/dead", Answer.status(503));
        try (KafkaConsumer<String, byte[]> dlt = consumer(DLT)) {
            send("alerts-dead/t", ddl("alerts-dead", 0x500, "dead_target"));
            JsonNode logged = elasticsearch.await(ElasticsearchIndices.ALERT_DELIVERIES, "channel:dead AND status:failed",
                    h -> h.size() == 1).get(0).path("_source");
            assertThat(logged.path("attempts").asInt()).isEqualTo(3);
            assertThat(logged.path("error").asText()).startsWith("HTTP 503");
            assertThat(receiver.requests("/dead")).hasSize(3);
            ConsumerRecord<String, byte[]> dead = KafkaProbe.awaitRecord(dlt, logged.path("alertId").asText());
            assertThat(KafkaProbe.header(dead, "schemagov.dlt.stage")).isEqualTo("alerts");
            assertThat(KafkaProbe.header(dead, "schemagov.dlt.channel")).isEqualTo("dead");
            assertThat(KafkaProbe.header(dead, "schemagov.dlt.reason")).contains("HTTP 503");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("dead_target").doesNotContain("s3cr3t-dead");
            // The failure is logged, the webhook URL (which carries the receiver's secret) is not.
            assertThat(output.getOut() + output.getErr()).contains("to channel dead failed after 3 attempts: HTTP 503")
                    .doesNotContain("s3cr3t-dead");
        }
    }

    @Test
    @Order(6)
    void burstOfFortyStatementsIsOneMessage() throws Exception {
        // One produce request, as the ingest publishes a committed migration; the analyzer may still poll it in parts.
        try (KafkaProducer<String, byte[]> migration = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 60_000,
                ProducerConfig.BATCH_SIZE_CONFIG, 1_000_000), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 40; i++) {
                migration.send(new ProducerRecord<>(SCHEMA_TOPIC, "alerts-burst/migration", ddl("alerts-burst", 0x600 + i, "burst_" + i)));
            }
            migration.flush();
        }
        elasticsearch.await(ElasticsearchIndices.FINDINGS, "database:alerts-burst AND ruleId:primary-key-missing", h -> h.size() == 40);
        List<JsonNode> messages = forDatabase(receiver.await("/hook", r -> findingsOf(forDatabase(r, "alerts-burst")) == 40),
                "alerts-burst");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("headline").asText()).isEqualTo("40 risky changes on alerts-burst");
    }

    @Test
    @Order(7)
    void baselineAndSuppressedFindingsSendNothing() throws Exception {
        SchemaChangeEvent baseline = SchemaChangeEvent.newBuilder(TestEvents.ddl("alerts-quiet", "00000000/00000700", "CREATE TABLE",
                "CREATE TABLE baseline_t (id bigint)", TestEvents.table("baseline_t", false))).setKind(ChangeKind.BASELINE).build();
        send("alerts-quiet/t", EventCodec.encode(baseline));
        elasticsearch.await(ElasticsearchIndices.FINDINGS, "database:alerts-quiet AND table:baseline_t", h -> !h.isEmpty());
        analyzer.getBean(AlertStage.class).stored(List.of(new IndexOperation.Put(ElasticsearchIndices.FINDINGS, "suppressed-1",
                suppressedFinding())));
        send("alerts-quiet/t", ddl("alerts-quiet", 0x701, "marker_t"));
        receiver.await("/hook", r -> !forDatabase(r, "alerts-quiet").isEmpty());
        List<JsonNode> messages = forDatabase(receiver.requests("/hook"), "alerts-quiet");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("findings")).singleElement()
                .satisfies(f -> assertThat(f.path("table").asText()).isEqualTo("marker_t"));
    }

    @Test
    @Order(8)
    void findingRedeliveredAfterARestartDoesNotAlertTwice() throws Exception {
        send("alerts-dedup/t", ddl("alerts-dedup", 0x800, "once_t"));
        receiver.await("/hook", r -> !forDatabase(r, "alerts-dedup").isEmpty());
        analyzer.close();
        // A new consumer group reads the whole topic again, as after a lost offset commit.
        analyzer = startAnalyzer("alerts-it-replay-" + UUID.randomUUID());
        send("alerts-dedup/t", ddl("alerts-dedup", 0x801, "after_restart_t"));
        List<JsonNode> messages = forDatabase(receiver.await("/hook", r -> forDatabase(r, "alerts-dedup").stream()
                .anyMatch(b -> b.toString().contains("after_restart_t"))), "alerts-dedup");
        long onceAlerts = messages.stream().flatMap(b -> StreamSupport.stream(b.path("findings").spliterator(), false))
                .filter(f -> f.path("table").asText().equals("once_t")).count();
        assertThat(onceAlerts).isEqualTo(1);
    }

    private static Map<String, Object> suppressedFinding() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("ruleId", "primary-key-missing");
        doc.put("severity", "CRITICAL");
        doc.put("status", "suppressed");
        doc.put("database", "alerts-quiet");
        doc.put("schema", "public");
        doc.put("table", "suppressed_t");
        doc.put("baseline", false);
        return doc;
    }

    private static List<JsonNode> forDatabase(List<Received> requests, String database) {
        return requests.stream().map(Received::body).filter(b -> b.path("database").asText().equals(database)).toList();
    }

    private static int findingsOf(List<JsonNode> messages) {
        return messages.stream().mapToInt(m -> m.path("findings").size()).sum();
    }

    private static JsonNode single(List<Received> requests, String database) {
        List<JsonNode> bodies = forDatabase(requests, database);
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    private static byte[] ddl(String database, int position, String table) {
        return EventCodec.encode(TestEvents.ddl(database, String.format("00000000/%08X", position), "CREATE TABLE",
                "CREATE TABLE " + table + " (id bigint)", TestEvents.table(table, false)));
    }

    private static void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(SCHEMA_TOPIC, key, value)).get();
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        return KafkaProbe.consumer(kafka.bootstrapServers(), topic);
    }
}
