package io.schemagov.ingest.config;

import io.schemagov.ingest.mapping.ColumnMasking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the ingest needs to know: which databases to watch, which of their tables to
 * audit, where to keep its state and which Kafka to write to.
 */
@Validated
@ConfigurationProperties("schemagov.ingest")
public record IngestProperties(
        @NotEmpty @Valid List<SourceProperties> sources,
        @DefaultValue("./data/ingest") Path stateDirectory,
        @Valid @DefaultValue KafkaProperties kafka,
        @Valid @DefaultValue MaskingProperties masking) {

    /** Kafka connection, topics (with the partitions and replication factor of those the ingest creates) and producer latency settings. */
    public record KafkaProperties(
            @NotBlank @DefaultValue("localhost:9092") String bootstrapServers,
            @NotBlank @DefaultValue("schemagov.schema-changes") String schemaChangesTopic,
            @NotBlank @DefaultValue("schemagov.data-changes") String dataChangesTopic,
            @NotBlank @DefaultValue("schemagov.dlt") String deadLetterTopic,
            @NotBlank @DefaultValue("schemagov.source-health") String sourceHealthTopic,
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @Max(32767) @DefaultValue("1") short replicationFactor,
            @Min(0) @DefaultValue("20") int lingerMs) {
    }

    /**
     * What leaves the ingest of the audited columns' values. Columns listed in {@code sensitiveColumns} get the
     * default action, those in {@code policies} their own; unless the classifier is off, columns whose name and
     * type look like personal data are proposed too, and with {@code classifier: apply} (the default) protected
     * with the default action unless listed in {@code exemptColumns}. Each column is {@code schema.table.column}.
     *
     * @param defaultAction mask, hash or drop; unset means hash when a hash key is set, mask otherwise
     * @param hashKey       the HMAC key for hashed values (equal values stay joinable); required when anything is
     *                      hashed; never logged
     */
    public record MaskingProperties(
            @DefaultValue List<@Pattern(regexp = COLUMN, message = "must be schema.table.column") String> sensitiveColumns,
            @DefaultValue List<@Valid ColumnPolicy> policies,
            @DefaultValue List<@Pattern(regexp = COLUMN, message = "must be schema.table.column") String> exemptColumns,
            ColumnMasking.Action defaultAction,
            @DefaultValue("apply") ColumnMasking.Classifier classifier,
            @DefaultValue("") String hashKey) {

        static final String COLUMN = "[^.]+\\.[^.]+\\.[^.]+";

        /** The action in force for listed columns and proposals. */
        public ColumnMasking.Action effectiveDefaultAction() {
            return defaultAction != null ? defaultAction
                    : hashKey.isEmpty() ? ColumnMasking.Action.MASK : ColumnMasking.Action.HASH;
        }

        /** The masking these settings describe. */
        public ColumnMasking masking() {
            Map<String, ColumnMasking.Action> columns = new LinkedHashMap<>();
            sensitiveColumns.forEach(column -> columns.put(column, effectiveDefaultAction()));
            policies.forEach(policy -> columns.put(policy.column(), policy.action()));
            return new ColumnMasking(columns, effectiveDefaultAction(), classifier, Set.copyOf(exemptColumns), hashKey);
        }

        @Override
        public String toString() {
            return "MaskingProperties[sensitiveColumns=" + sensitiveColumns + ", policies=" + policies
                    + ", exemptColumns=" + exemptColumns + ", defaultAction=" + defaultAction + ", classifier="
                    + classifier + ", hashKey=" + (hashKey.isEmpty() ? "" : "****") + "]";
        }
    }

    /** One column's own action. */
    public record ColumnPolicy(
            @NotBlank @Pattern(regexp = MaskingProperties.COLUMN, message = "must be schema.table.column") String column,
            @NotNull ColumnMasking.Action action) {
    }
}
