package io.schemagov.analyzer.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.analyzer.deadletter.DeadLetterPublisher;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts an alert that could not be delivered on the dead-letter topic, as generic webhook JSON with the reason in the headers. */
class AlertDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(AlertDeadLetters.class);

    private final DeadLetterPublisher publisher;
    private final Links links;
    private final ObjectMapper json = new ObjectMapper();

    AlertDeadLetters(DeadLetterPublisher publisher, Links links) {
        this.publisher = publisher;
        this.links = links;
    }

    void publish(String channel, AlertMessage message, Deliverer.Outcome outcome) {
        try {
            byte[] body = json.writeValueAsBytes(new WebhookPayload().render(message, links));
            publisher.publishAlert(message.id(), body, channel, "alert not delivered after " + outcome.attempts()
                    + " attempts: " + outcome.error());
        } catch (JsonProcessingException | KafkaException e) {
            // The delivery log still records the failure, so the alert is not lost from sight.
            log.error("alert {} to channel {} could not be dead-lettered: {}", message.id(), channel, e.toString());
        }
    }
}
