package io.schemagov.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.devstack.KafkaBroker;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The rules file, inline suppressions and dashboard triage as the running analyzer applies them to real indices. */
class FindingTriageIT {

    private static final String TOPIC = "triage.schema-changes";
    private static final String FINDINGS = "schemagov-findings";
    private static KafkaBroker kafka;
    private static KafkaProducer<String, byte[]> producer;
    private static ElasticsearchProbe elasticsearch;
    private static ConfigurableApplicationContext analyzer;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        kafka = SharedStack.kafka();
        kafka.createTopics(Set.of(TOPIC), 1);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        elasticsearch = new ElasticsearchProbe(SharedStack.elasticsearch().httpUrl());
        // As an older version left it: a findings index without the triage fields.
        elasticsearch.delete(FINDINGS);
        elasticsearch.put(FINDINGS, "{\"mappings\": {\"dynamic\": false, \"properties\": {\"ruleId\": {\"type\": \"keyword\"}}}}");
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                rules:
                  audit-columns-missing:
                    enabled: false
                  table-dropped:
                    severity: critical
                suppressions:
                  - rule: primary-key-missing
                    database: triage
                    object: public.legacy_*
                    reason: legacy tables are replaced in Q1
                    author: dba@example.com
                    expires: 2099-12-31
                """);
        analyzer = AnalyzerApplication.application().run(
                "--spring.elasticsearch.uris=" + SharedStack.elasticsearch().httpUrl(),
                "--schemagov.analyzer.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--schemagov.analyzer.kafka.group-id=triage-it",
                "--schemagov.analyzer.kafka.schema-changes-topic=" + TOPIC,
                "--schemagov.analyzer.kafka.data-changes-topic=triage.data-changes",
                "--schemagov.analyzer.rules-file=" + rules);
    }

    @AfterAll
    static void stop() {
        analyzer.close();
        producer.close();
    }

    @Test
    void publishesTheRulesInForceForTheDashboard() throws Exception {
        JsonNode disabled = elasticsearch.get("/schemagov-rules/_doc/rule:audit-columns-missing").path("_source");
        JsonNode overridden = elasticsearch.get("/schemagov-rules/_doc/rule:table-dropped").path("_source");
        JsonNode shipped = elasticsearch.get("/schemagov-rules/_doc/rule:primary-key-missing").path("_source");
        JsonNode compliance = elasticsearch.get("/schemagov-rules/_doc/rule:bulk-delete").path("_source");
        JsonNode suppressions = elasticsearch.await("schemagov-rules", "kind:suppression", hits -> hits.size() == 1);

        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(overridden.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(overridden.path("defaultSeverity").asText()).isNotEqualTo("CRITICAL");
        assertThat(shipped.path("enabled").asBoolean()).isTrue();
        assertThat(shipped.path("details").path("thresholds").path("largeTableRows").asLong()).isEqualTo(1_000_000);
        assertThat(shipped.path("details").path("example").asText()).isNotBlank();
        assertThat(compliance.path("family").asText()).isEqualTo("compliance");
        JsonNode suppression = suppressions.get(0).path("_source");
        assertThat(suppression.path("ruleId").asText()).isEqualTo("primary-key-missing");
        assertThat(suppression.path("object").asText()).isEqualTo("public.legacy_*");
        assertThat(suppression.path("author").asText()).isEqualTo("dba@example.com");
        assertThat(suppression.path("expires").asText()).isEqualTo("2099-12-31");
    }

    @Test
    void anExistingFindingsIndexGainsTheNewFieldsAtStartUp() throws Exception {
        JsonNode mapping = elasticsearch.get("/" + FINDINGS + "/_mapping").path(FINDINGS).path("mappings").path("properties");

        assertThat(mapping.path("suppression").path("properties").path("source").path("type").asText()).isEqualTo("keyword");
        assertThat(mapping.path("acknowledgement").path("properties").path("by").path("type").asText()).isEqualTo("keyword");
    }

    @Test
    void aFindingSuppressedByTheRulesFileIsKeptMarkedWithWhoWhyAndUntilWhen() throws Exception {
        send(createTable("00000000/00000100", "legacy_orders", ""));

        JsonNode finding = finding("legacy_orders", "primary-key-missing");

        assertThat(finding.path("status").asText()).isEqualTo("suppressed");
        assertThat(finding.path("suppression").path("source").asText()).isEqualTo("config");
        assertThat(finding.path("suppression").path("author").asText()).isEqualTo("dba@example.com");
        assertThat(finding.path("suppression").path("reason").asText()).isEqualTo("legacy tables are replaced in Q1");
        assertThat(finding.path("suppression").path("expires").asText()).isEqualTo("2099-12-31");
    }

    @Test
    void aDisabledRuleWritesNothing() throws Exception {
        send(createTable("00000000/00000200", "no_audit", ""));

        finding("no_audit", "primary-key-missing"); // written in the same bulk request as any other finding
        assertThat(elasticsearch.search(FINDINGS, "database:triage AND table:no_audit AND ruleId:audit-columns-missing"))
                .isEmpty();
    }

    @Test
    void anInlineCommentSuppressesWithTheReasonAndTheRoleThatRanIt() throws Exception {
        send(createTable("00000000/00000300", "staging_copy",
                " -- schemagov:ignore primary-key-missing copy for a one-off report"));

        JsonNode finding = finding("staging_copy", "primary-key-missing");

        assertThat(finding.path("status").asText()).isEqualTo("suppressed");
        assertThat(finding.path("suppression").path("source").asText()).isEqualTo("inline");
        assertThat(finding.path("suppression").path("author").asText()).isEqualTo("app_owner");
        assertThat(finding.path("suppression").path("reason").asText()).isEqualTo("copy for a one-off report");
    }

    @Test
    void anAcknowledgementSurvivesALaterChangeThatReChecksTheTable() throws Exception {
        send(createTable("00000000/00000400", "acked", ""));
        JsonNode hit = elasticsearch.await(FINDINGS, "database:triage AND table:acked AND ruleId:primary-key-missing",
                hits -> hits.size() == 1).get(0);
        elasticsearch.update(FINDINGS, hit.path("_id").asText(), """
                {"status": "acknowledged",
                 "acknowledgement": {"by": "oncall", "at": "2026-11-20T10:05:00Z", "reason": "fix in next release"}}""");

        send(TestEvents.ddl("triage", "00000000/00000500", "ALTER TABLE", "ALTER TABLE acked ADD COLUMN note text",
                TestEvents.table("acked", false)));

        JsonNode finding = elasticsearch.await(FINDINGS, "database:triage AND table:acked AND position:\"00000000/00000500\"",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(finding.path("status").asText()).isEqualTo("acknowledged");
        assertThat(finding.path("acknowledgement").path("reason").asText()).isEqualTo("fix in next release");
        assertThat(finding.path("statement").asText()).isEqualTo("ALTER TABLE acked ADD COLUMN note text");
    }

    @Test
    void aBadRulesFileStopsStartUpNamingTheSettingTheFileAndTheLine(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("bad.yml"), "rules:\n  table-dropped:\n    severity: urgent\n");

        assertThatThrownBy(() -> AnalyzerApplication.application().run(
                "--spring.elasticsearch.uris=" + SharedStack.elasticsearch().httpUrl(),
                "--schemagov.analyzer.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--schemagov.analyzer.rules-file=" + rules).close())
                .rootCause().hasMessageContaining("bad.yml, line 3: rules.table-dropped.severity must be one of");
    }

    private static SchemaChangeEvent createTable(String lsn, String table, String comment) {
        return TestEvents.ddl("triage", lsn, "CREATE TABLE", "CREATE TABLE " + table + " (id bigint)" + comment,
                TestEvents.table(table, false));
    }

    private static JsonNode finding(String table, String ruleId) throws Exception {
        return elasticsearch.await(FINDINGS, "database:triage AND table:" + table + " AND ruleId:" + ruleId,
                hits -> hits.size() == 1).get(0).path("_source");
    }

    private static void send(SchemaChangeEvent event) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, "triage/" + event.getObjectIdentity(), EventCodec.encode(event))).get();
    }
}
