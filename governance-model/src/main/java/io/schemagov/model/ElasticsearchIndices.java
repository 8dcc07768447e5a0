package io.schemagov.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Elasticsearch indices the analyzer writes and the dashboard reads: their names and
 * mappings, kept in one place so writer and reader cannot drift apart.
 */
public final class ElasticsearchIndices {

    /** One document per finding. */
    public static final String FINDINGS = "schemagov-findings";
    /** Alias over the daily audit indices {@code schemagov-audit-yyyy.MM.dd}. */
    public static final String AUDIT_ALIAS = "schemagov-audit";
    public static final String AUDIT_INDEX_PREFIX = "schemagov-audit-";
    public static final String AUDIT_TEMPLATE = "schemagov-audit";
    /** One document per table snapshot taken after a change. */
    public static final String SCHEMA_HISTORY = "schemagov-schema-history";
    /** One document per alert sent or failed, per channel: the delivery log and the memory that prevents alerting twice. */
    public static final String ALERT_DELIVERIES = "schemagov-alert-deliveries";

    private ElasticsearchIndices() {
    }

    /** Settings and mappings of the findings index, as JSON. */
    public static String findingsDefinition() {
        return resource("findings.json");
    }

    /** The composable index template of the audit indices, as JSON. */
    public static String auditTemplate() {
        return resource("audit-template.json");
    }

    /** Settings and mappings of the schema history index, as JSON. */
    public static String schemaHistoryDefinition() {
        return resource("schema-history.json");
    }

    /** Settings and mappings of the alert delivery log, as JSON. */
    public static String alertDeliveriesDefinition() {
        return resource("alert-deliveries.json");
    }

    private static String resource(String name) {
        try (InputStream in = ElasticsearchIndices.class.getResourceAsStream("elasticsearch/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource elasticsearch/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
