package io.schemagov.ingest.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the ingest reads how much WAL each source's replication slot holds back: a slot that stops
 * advancing keeps every later WAL segment on the production database's disk.
 */
@Validated
@ConfigurationProperties("schemagov.ingest.slot-lag")
public record SlotLagProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration interval) {
}
