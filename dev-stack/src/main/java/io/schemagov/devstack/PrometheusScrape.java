package io.schemagov.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * One answer of a running service's {@code /actuator/prometheus}, read as Prometheus' text format: the services'
 * integration tests check their metrics with it.
 */
public record PrometheusScrape(String text) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Scrapes the service listening on this local port until the condition holds, for at most 30 seconds. */
    public static PrometheusScrape await(int port, Predicate<PrometheusScrape> condition)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        PrometheusScrape scrape;
        do {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
            }
            scrape = new PrometheusScrape(response.body());
            if (condition.test(scrape)) {
                return scrape;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("condition not met within 30 s; last scrape:\n" + scrape.text());
    }

    /** The value of the first sample of {@code name} having every label given as name, value pairs; NaN when there is none. */
    public double value(String name, String... labels) {
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            String series = line.substring(0, end);
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= series.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (matches) {
                return Double.parseDouble(line.substring(end + 1));
            }
        }
        return Double.NaN;
    }
}
