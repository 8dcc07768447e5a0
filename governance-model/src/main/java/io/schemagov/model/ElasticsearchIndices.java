package io.schemagov.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Elasticsearch indices the analyzer writes and the dashboard reads: their names and
 * mappings, kept in one place so writer and reader cannot drift apart.
 */
public final class ElasticsearchIndices {

    /** One document per finding. */
    public static final String FINDINGS = "schemagov-findings";
    /** Alias over the daily audit indices {@code schemagov-audit-<database>-yyyy.MM.dd}. */
    public static final String AUDIT_ALIAS = "schemagov-audit";
    public static final String AUDIT_INDEX_PREFIX = "schemagov-audit-";
    private static final DateTimeFormatter AUDIT_DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final Pattern INDEX_UNSAFE = Pattern.compile("[^a-z0-9_-]");
    public static final String AUDIT_TEMPLATE = "schemagov-audit";
    /** One document per table snapshot taken after a change. */
    public static final String SCHEMA_HISTORY = "schemagov-schema-history";
    /** One document per alert sent or failed, per channel: the delivery log and the memory that prevents alerting twice. */
    public static final String ALERT_DELIVERIES = "schemagov-alert-deliveries";
    /** The rules as the analyzer runs them (enabled, severity, thresholds) and the suppressions of its rules file. */
    public static final String RULES = "schemagov-rules";

    private ElasticsearchIndices() {
    }

    /**
     * The audit index of a source database's changes on one day (UTC): one index per database and day, so that
     * retention can drop whole indices per database (Elasticsearch here has no delete-by-query).
     */
    public static String auditIndex(String database, Instant eventTime) {
        return AUDIT_INDEX_PREFIX + INDEX_UNSAFE.matcher(database.toLowerCase(Locale.ROOT)).replaceAll("_") + "-"
                + AUDIT_DAY.format(eventTime);
    }

    /** The day an audit index holds, or empty when the name does not end in one. */
    public static Optional<LocalDate> auditIndexDay(String index) {
        if (!index.startsWith(AUDIT_INDEX_PREFIX) || index.length() < AUDIT_INDEX_PREFIX.length() + 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(index.substring(index.length() - 10), DateTimeFormatter.ofPattern("yyyy.MM.dd")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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

    /** Settings and mappings of the rules in force, as JSON. */
    public static String rulesDefinition() {
        return resource("rules.json");
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
