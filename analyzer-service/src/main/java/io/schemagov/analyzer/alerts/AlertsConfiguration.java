package io.schemagov.analyzer.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.schemagov.analyzer.alerts.AlertProperties.Channel;
import io.schemagov.analyzer.alerts.AlertProperties.Route;
import io.schemagov.analyzer.config.AnalyzerProperties;
import io.schemagov.analyzer.deadletter.DeadLetterPublisher;
import io.schemagov.analyzer.elasticsearch.BulkWriter;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the alert stage from {@code schemagov.analyzer.alerts}; a route or channel that cannot work stops start-up naming the setting. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    private static final String PREFIX = "schemagov.analyzer.alerts.";

    @Bean
    AlertStage alertStage(AlertProperties alerts, AnalyzerProperties analyzer, ElasticsearchClient client, BulkWriter writer,
                          DeadLetterPublisher deadLetterPublisher, AnalyzerMetrics metrics) {
        check(alerts);
        Links links = new Links(alerts.dashboardUrl());
        DeliveryLog deliveryLog = new DeliveryLog(client, writer);
        AlertDeadLetters deadLetters = new AlertDeadLetters(deadLetterPublisher, links);
        Deliverer deliverer = new Deliverer(alerts.delivery(), duration -> Thread.sleep(duration.toMillis()));
        Map<String, ChannelWorker> workers = new LinkedHashMap<>();
        AtomicInteger batchesInProgress = new AtomicInteger();
        alerts.channels().forEach((name, channel) -> {
            ChannelDispatch dispatch = new ChannelDispatch(name, channel(channel, links, alerts, analyzer), deliverer, deliveryLog,
                    deadLetters, new TokenBucket(channel.rateLimit().burst(), channel.rateLimit().perMinute(), System::nanoTime), metrics);
            workers.put(name, new ChannelWorker(name, dispatch, alerts.groupWindow(), alerts.groupQuiet(),
                    () -> batchesInProgress.get() > 0, alerts.queueCapacity()));
        });
        return new AlertStage(new AlertRouter(alerts.routes()), workers, batchesInProgress);
    }

    @Bean
    AcknowledgementWatch acknowledgementWatch(ElasticsearchClient client, AlertStage stage, AlertProperties alerts) {
        return new AcknowledgementWatch(client, stage, alerts.acknowledgementPoll(), Clock.systemUTC());
    }

    private static AlertChannel channel(Channel channel, Links links, AlertProperties alerts, AnalyzerProperties analyzer) {
        return switch (channel.type()) {
            case KAFKA -> new KafkaAlertChannel(analyzer.kafka().bootstrapServers(), channel.topic(), links, alerts.delivery().timeout());
            case WEBHOOK -> new HttpAlertChannel(URI.create(channel.url()), new WebhookPayload(), links, alerts.delivery().timeout());
            case SLACK -> new HttpAlertChannel(URI.create(channel.url()), new SlackPayload(), links, alerts.delivery().timeout());
            case TEAMS -> new HttpAlertChannel(URI.create(channel.url()), new TeamsPayload(), links, alerts.delivery().timeout());
            case EMAIL -> new EmailAlertChannel(channel, links, alerts.delivery().timeout());
        };
    }

    /** Everything bean validation cannot see: references between settings, and URLs (named, never printed: they are secrets). */
    static void check(AlertProperties alerts) {
        alerts.channels().forEach((name, channel) -> {
            String setting = PREFIX + "channels." + name;
            if (channel.type() == AlertProperties.ChannelType.KAFKA) {
                if (channel.topic() == null || channel.topic().isBlank()) {
                    throw new IllegalStateException(setting + ".topic: a KAFKA channel needs a topic");
                }
            } else if (channel.type() == AlertProperties.ChannelType.EMAIL) {
                checkEmail(setting, channel);
            } else if (!isHttpUrl(channel.url())) {
                throw new IllegalStateException(setting + ".url: a " + channel.type() + " channel needs an http(s) URL"
                        + " (the value is not shown, it is a secret)");
            }
        });
        if (alerts.groupQuiet().compareTo(alerts.groupWindow()) > 0) {
            throw new IllegalStateException(PREFIX + "group-quiet must not exceed " + PREFIX + "group-window");
        }
        if (alerts.delivery().initialBackoff().compareTo(alerts.delivery().maxBackoff()) > 0) {
            throw new IllegalStateException(PREFIX + "delivery.initial-backoff must not exceed " + PREFIX + "delivery.max-backoff");
        }
        List<Route> routes = alerts.routes();
        for (int i = 0; i < routes.size(); i++) {
            for (String channel : routes.get(i).channels()) {
                if (!alerts.channels().containsKey(channel)) {
                    throw new IllegalStateException(PREFIX + "routes[" + i + "].channels: unknown channel '" + channel
                            + "' (configured channels: " + String.join(", ", alerts.channels().keySet()) + ")");
                }
            }
        }
    }

    private static void checkEmail(String setting, Channel channel) {
        if (channel.smtp().host() == null || channel.smtp().host().isBlank()) {
            throw new IllegalStateException(setting + ".smtp.host: an EMAIL channel needs an SMTP server");
        }
        if (channel.from() == null || channel.from().isBlank()) {
            throw new IllegalStateException(setting + ".from: an EMAIL channel needs a sender address");
        }
        if (channel.to().isEmpty() || channel.to().stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException(setting + ".to: an EMAIL channel needs at least one recipient address");
        }
    }

    private static boolean isHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
