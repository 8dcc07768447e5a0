package io.schemagov.ingest.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the ingest looks for VACUUM FULL and CLUSTER running in each PostgreSQL source (no trigger fires for
 * them). An operation that starts and ends between two looks is not seen: the short ones, on small tables.
 *
 * @param maintenancePoll the interval, at least 100 ms; 0 turns the monitor off
 */
@Validated
@ConfigurationProperties("schemagov.ingest")
public record MaintenanceProperties(@NotNull @DefaultValue("1s") Duration maintenancePoll) {

    static final Duration SHORTEST = Duration.ofMillis(100);

    public MaintenanceProperties {
        if (maintenancePoll != null && !maintenancePoll.isZero()
                && (maintenancePoll.isNegative() || maintenancePoll.compareTo(SHORTEST) < 0)) {
            throw new IllegalArgumentException("schemagov.ingest.maintenance-poll must be 0 (off) or at least 100ms, not "
                    + maintenancePoll);
        }
    }

    /** Whether the monitor runs. */
    public boolean enabled() {
        return !maintenancePoll.isZero();
    }
}
