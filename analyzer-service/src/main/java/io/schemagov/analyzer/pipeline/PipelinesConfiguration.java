package io.schemagov.analyzer.pipeline;

import io.schemagov.analyzer.alerts.AlertStage;
import io.schemagov.analyzer.config.AnalyzerProperties;
import io.schemagov.analyzer.elasticsearch.IndexSetup;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two independent consume loops: schema changes (with the sources' health events, whose findings alert like theirs)
 * and data changes. A bulk load of audited rows must never delay the finding (and alert) about a risky DDL queued
 * behind it. The data-change loop is pipelined: it analyses a batch while Elasticsearch indexes the previous one.
 */
@Configuration(proxyBeanMethods = false)
class PipelinesConfiguration {

    @Bean
    AnalysisPipeline schemaChangesPipeline(AnalyzerProperties properties, BatchProcessor processor, IndexSetup indexSetup,
                                           AlertStage alerts, MeterRegistry registry) {
        AnalyzerProperties.KafkaProperties kafka = properties.kafka();
        return new AnalysisPipeline("schema", List.of(kafka.schemaChangesTopic(), kafka.sourceHealthTopic()), kafka.groupId(), kafka, processor, indexSetup, alerts, registry);
    }

    @Bean
    AnalysisPipeline dataChangesPipeline(AnalyzerProperties properties, BatchProcessor processor, IndexSetup indexSetup,
                                         MeterRegistry registry) {
        AnalyzerProperties.KafkaProperties kafka = properties.kafka();
        return new AnalysisPipeline("audit", List.of(kafka.dataChangesTopic()), kafka.groupId() + "-audit", kafka, processor, indexSetup, null, registry,
                true);
    }
}
