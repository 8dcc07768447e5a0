package io.schemagov.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceHealthCodecTest {

    @Test
    void sourceHealthEventSurvivesTheRoundTrip() {
        SourceHealthEvent event = health("orders-db", 5_000, 1_024);

        assertThat(EventCodec.decodeSourceHealth(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void bytesThatAreNoSourceHealthEventAreMalformed() {
        assertThatThrownBy(() -> EventCodec.decodeSourceHealth("garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageStartingWith("not a SourceHealthEvent");
        assertThatThrownBy(() -> EventCodec.decodeSourceHealth(new byte[0]))
                .isInstanceOf(MalformedEventException.class).hasMessage("empty message");
    }

    @Test
    void negativeLagNoThresholdOrBlankNamesAreMalformed() {
        assertThatThrownBy(() -> EventCodec.decodeSourceHealth(EventCodec.encode(health("orders-db", -1, 1_024))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("lag -1");
        assertThatThrownBy(() -> EventCodec.decodeSourceHealth(EventCodec.encode(health("orders-db", 10, 0))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("threshold 0");
        assertThatThrownBy(() -> EventCodec.decodeSourceHealth(EventCodec.encode(health(" ", 10, 1_024))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("database ' '");
    }

    private static SourceHealthEvent health(String database, long lag, long threshold) {
        return SourceHealthEvent.newBuilder().setDatabase(database).setSlot("schemagov_orders").setLagBytes(lag)
                .setThresholdBytes(threshold).setObservedAt(Instant.parse("2026-12-01T10:00:00Z")).build();
    }
}
