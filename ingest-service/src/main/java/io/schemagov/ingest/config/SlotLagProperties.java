package io.schemagov.ingest.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How often the ingest reads how much WAL each source's replication slot holds back, and from how much on it reports
 * the slot to the analyzer: a slot that stops advancing keeps every later WAL segment on the production database's disk.
 *
 * @param threshold lag from which a source health event raises a {@code replication-slot-lag} finding (at least 1 byte)
 */
@Validated
@ConfigurationProperties("schemagov.ingest.slot-lag")
public record SlotLagProperties(
        @NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration interval,
        @NotNull @DefaultValue("1GB") DataSize threshold) {

    public SlotLagProperties {
        if (threshold != null && threshold.toBytes() < 1) {
            throw new IllegalArgumentException("schemagov.ingest.slot-lag.threshold must be at least 1B, not " + threshold);
        }
    }
}
