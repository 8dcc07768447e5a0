package io.schemagov.analyzer.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The analyzer's settings: where to consume from, and the table-size thresholds that decide
 * how severe a risky change is. Elasticsearch is set with Spring Boot's
 * {@code spring.elasticsearch.uris}.
 */
@Validated
@ConfigurationProperties("schemagov.analyzer")
public record AnalyzerProperties(@Valid @DefaultValue KafkaProperties kafka, @Valid @DefaultValue Thresholds thresholds,
        @Valid @DefaultValue ElasticsearchProperties elasticsearch,
        /** The rules file (YAML, see docs/rules.md), or unset to run every rule as shipped. */
        Path rulesFile) {

    /** Kafka connection, consumer groups (the data-change loop uses the group id plus "-audit") and topics. */
    public record KafkaProperties(
            @NotBlank @DefaultValue("localhost:9092") String bootstrapServers,
            /** Consumer group of the schema-change loop; the data-change loop uses this plus "-audit". */
            @NotBlank @DefaultValue("schemagov-analyzer") String groupId,
            @NotBlank @DefaultValue("schemagov.schema-changes") String schemaChangesTopic,
            @NotBlank @DefaultValue("schemagov.data-changes") String dataChangesTopic,
            @NotBlank @DefaultValue("schemagov.dlt") String deadLetterTopic,
            /** Source health events of the ingest (replication slot lag), read by the schema-change loop. */
            @NotBlank @DefaultValue("schemagov.source-health") String sourceHealthTopic,
            @Min(1) @Max(10000) @DefaultValue("2000") int maxPollRecords) {
    }

    /**
     * How the analyzer writes to Elasticsearch: with {@code bulkConcurrency} above 1, a batch of at least 1,000
     * operations goes as up to that many bulk requests at once (operations on one document stay in one request, in
     * order), so that a node with cores to spare indexes the shard on as many threads; 1 (the default) sends every
     * batch as a single request, which costs Elasticsearch the least CPU per document.
     */
    public record ElasticsearchProperties(@Min(1) @Max(16) @DefaultValue("1") int bulkConcurrency) {
    }

    /** Row counts at which a risky change on a table counts as small, large or huge. */
    public record Thresholds(
            @Positive @DefaultValue("10000") long smallTableRows,
            @Positive @DefaultValue("1000000") long largeTableRows,
            @Positive @DefaultValue("10000000") long hugeTableRows) {
    }
}
