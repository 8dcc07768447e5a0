package io.schemagov.ingest.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
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

    /** Kafka connection, topics and producer latency settings. */
    public record KafkaProperties(
            @NotBlank @DefaultValue("localhost:9092") String bootstrapServers,
            @NotBlank @DefaultValue("schemagov.schema-changes") String schemaChangesTopic,
            @NotBlank @DefaultValue("schemagov.data-changes") String dataChangesTopic,
            @NotBlank @DefaultValue("schemagov.dlt") String deadLetterTopic,
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @Max(32767) @DefaultValue("1") short replicationFactor,
            @Min(0) @DefaultValue("1") int lingerMs) {
    }

    /**
     * Columns whose values never leave the ingest in clear: each {@code schema.table.column}.
     * With a hash key the value is replaced by a keyed hash (equal values stay joinable),
     * without one by a fixed mask.
     */
    public record MaskingProperties(
            @DefaultValue List<@Pattern(regexp = "[^.]+\\.[^.]+\\.[^.]+", message = "must be schema.table.column") String> sensitiveColumns,
            @DefaultValue("") String hashKey) {

        @Override
        public String toString() {
            return "MaskingProperties[sensitiveColumns=" + sensitiveColumns + ", hashKey=" + (hashKey.isEmpty() ? "" : "****") + "]";
        }
    }
}
