package io.schemagov.analyzer.health;

import io.schemagov.analyzer.config.AnalyzerProperties;
import io.schemagov.support.KafkaHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The readiness check of the Kafka cluster the analyzer reads from. */
@Configuration(proxyBeanMethods = false)
class KafkaHealthConfiguration {

    // Named so that the health groups find it as "kafka".
    @Bean("kafka")
    KafkaHealthIndicator kafka(AnalyzerProperties properties) {
        return new KafkaHealthIndicator(properties.kafka().bootstrapServers());
    }
}
