package io.schemagov.analyzer.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpAlertChannelTest {

    @Test
    void retryAfterInSeconds() {
        assertThat(HttpAlertChannel.retryAfter(Optional.of(" 7 "))).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateInThePastMeansNow() {
        assertThat(HttpAlertChannel.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).contains(Duration.ZERO);
    }

    @Test
    void unreadableOrMissingRetryAfterFallsBackToTheBackoff() {
        assertThat(HttpAlertChannel.retryAfter(Optional.of("soon"))).isEmpty();
        assertThat(HttpAlertChannel.retryAfter(Optional.empty())).isEmpty();
    }

    @Test
    void describesItselfWithoutTheUrl() {
        HttpAlertChannel channel = new HttpAlertChannel(URI.create("https://hooks.test.invalid/T0/B0/s3cr3t"), new SlackPayload(),
                new Links("http://dash"), Duration.ofSeconds(1));
        assertThat(channel.toString()).doesNotContain("s3cr3t").contains("SlackPayload");
    }
}
