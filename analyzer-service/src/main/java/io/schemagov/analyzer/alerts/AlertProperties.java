package io.schemagov.analyzer.alerts;

import io.schemagov.rules.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where alerts about findings go: named channels, routes that pick findings for them, and how
 * deliveries are grouped, limited and retried. Without routes nothing is ever sent.
 */
@Validated
@ConfigurationProperties("schemagov.analyzer.alerts")
public record AlertProperties(
        /** Base address of the dashboard, for the link to each finding. */
        @NotBlank @DefaultValue("http://localhost:8080") String dashboardUrl,
        /** Alerts waiting per channel; beyond it an alert is recorded as failed and dead-lettered, never dropped. */
        @Min(1) @DefaultValue("10000") int queueCapacity,
        /**
         * A group (one message per database) closes when nothing new arrived for {@code groupQuiet} and no batch
         * of schema changes is being analysed, or at the latest {@code groupWindow} after its first finding: a
         * lone DDL waits only the quiet period.
         */
        @NotNull @DefaultValue("2s") Duration groupWindow,
        @NotNull @DefaultValue("50ms") Duration groupQuiet,
        @Valid @DefaultValue Delivery delivery,
        /** How often the findings are searched for new acknowledgements from the dashboard, to send resolutions. */
        @NotNull @DefaultValue("5s") Duration acknowledgementPoll,
        Map<String, @Valid Channel> channels,
        List<@Valid Route> routes) {

    public AlertProperties {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** Retries of one message on one channel: exponential back-off from the first to the longest pause. */
    public record Delivery(
            @Min(1) @DefaultValue("5") int maxAttempts,
            @NotNull @DefaultValue("500ms") Duration initialBackoff,
            @NotNull @DefaultValue("30s") Duration maxBackoff,
            /** How long one HTTP request may take before it counts as failed (and is retried). */
            @NotNull @DefaultValue("5s") Duration timeout) {
    }

    /** The kinds of channel an alert can go to. */
    public enum ChannelType {
        KAFKA, WEBHOOK, SLACK, TEAMS, EMAIL
    }

    /** One channel. The URL of a webhook is a secret: it never appears in logs or in {@link #toString()}. */
    public record Channel(
            @NotNull ChannelType type,
            String url,
            /** Kafka channels only. */
            @DefaultValue("schemagov.alerts") String topic,
            @Valid @DefaultValue RateLimit rateLimit,
            /** E-mail channels only: the SMTP server, sender and recipients. */
            @Valid @DefaultValue Smtp smtp,
            String from,
            List<String> to) {

        public Channel {
            to = to == null ? List.of() : List.copyOf(to);
        }

        @Override
        public String toString() {
            return "Channel[type=" + type + ", url=" + (url == null ? "none" : "(secret)") + ", topic=" + topic
                    + ", rateLimit=" + rateLimit + ", smtp=" + smtp + ", from=" + from + ", to=" + to + "]";
        }
    }

    /** An SMTP server. The password is a secret: never logged, never in {@link #toString()}. */
    public record Smtp(
            String host,
            @Min(1) @Max(65535) @DefaultValue("587") int port,
            String username,
            String password,
            /** Upgrade the connection with STARTTLS (required when set). */
            @DefaultValue("true") boolean starttls) {

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username
                    + ", password=" + (password == null || password.isEmpty() ? "none" : "(secret)") + ", starttls=" + starttls + "]";
        }
    }

    /** A token bucket: up to {@code burst} messages at once, refilled at {@code perMinute}. */
    public record RateLimit(@Positive @DefaultValue("20") int burst, @Positive @DefaultValue("60") int perMinute) {
    }

    /**
     * Which findings go to which channels. Every list left empty matches everything; the actor
     * list matches the role or the application name of whoever ran the statement.
     */
    public record Route(
            @NotNull @DefaultValue("HIGH") Severity minSeverity,
            List<String> ruleIds,
            List<String> databases,
            List<String> schemas,
            List<String> tables,
            List<String> actors,
            @NotEmpty List<String> channels) {

        public Route {
            ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
            databases = databases == null ? List.of() : List.copyOf(databases);
            schemas = schemas == null ? List.of() : List.copyOf(schemas);
            tables = tables == null ? List.of() : List.copyOf(tables);
            actors = actors == null ? List.of() : List.copyOf(actors);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }
}
