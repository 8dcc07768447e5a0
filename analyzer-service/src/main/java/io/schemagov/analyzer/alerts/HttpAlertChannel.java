package io.schemagov.analyzer.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Posts each message as JSON to a webhook. The URL usually carries the receiver's secret, so
 * it appears in no message, log line or exception this class makes.
 */
final class HttpAlertChannel implements AlertChannel {

    private final URI url;
    private final Payload payload;
    private final Links links;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    HttpAlertChannel(URI url, Payload payload, Links links, Duration timeout) {
        this.url = url;
        this.payload = payload;
        this.links = links;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean supportsResolution() {
        return true;
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(message))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("no answer within " + timeout.toMillis() + " ms", true, null);
        } catch (IOException e) {
            throw new DeliveryException("I/O error: " + e.getClass().getSimpleName(), true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, null);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        boolean retriable = status == 429 || status == 408 || status >= 500;
        throw new DeliveryException("HTTP " + status + ": " + Payload.shorten(response.body(), 200), retriable,
                retryAfter(response.headers().firstValue("Retry-After")).orElse(null));
    }

    private String body(AlertMessage message) {
        try {
            return json.writeValueAsString(payload.render(message, links));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render alert " + message.id(), e);
        }
    }

    /** Retry-After is either seconds or an HTTP date. */
    static Optional<Duration> retryAfter(Optional<String> header) {
        return header.map(String::trim).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    @Override
    public String toString() {
        return "HttpAlertChannel[" + payload.getClass().getSimpleName() + ", url=(secret)]";
    }
}
