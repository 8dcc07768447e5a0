package io.schemagov.ingest.health;

import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.support.KafkaHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The readiness check of the Kafka cluster the ingest writes to. */
@Configuration(proxyBeanMethods = false)
class KafkaHealthConfiguration {

    // Named so that the health groups find it as "kafka".
    @Bean("kafka")
    KafkaHealthIndicator kafka(IngestProperties properties) {
        return new KafkaHealthIndicator(properties.kafka().bootstrapServers());
    }
}
