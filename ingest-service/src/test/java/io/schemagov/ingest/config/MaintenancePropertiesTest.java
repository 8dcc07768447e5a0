package io.schemagov.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** {@code schemagov.ingest.maintenance-poll} bound and validated as at start-up. */
class MaintenancePropertiesTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final String POLL = "schemagov.ingest.maintenance-poll";

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @Test
    void pollDefaultsToOneSecond() {
        assertThat(bind(Map.of()).maintenancePoll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bind(Map.of()).enabled()).isTrue();
        assertThat(bind(Map.of(POLL, "250ms")).maintenancePoll()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void zeroTurnsTheMonitorOff() {
        assertThat(bind(Map.of(POLL, "0")).enabled()).isFalse();
    }

    @Test
    void pollUnderOneHundredMillisecondsStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of(POLL, "50ms")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("schemagov.ingest.maintenance-poll must be 0 (off) or at least 100ms");
        assertThatThrownBy(() -> bind(Map.of(POLL, "-1s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining(POLL);
    }

    @Test
    void pollThatIsNoDurationStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of(POLL, "often")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining(POLL);
    }

    private static MaintenanceProperties bind(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return binder.bindOrCreate("schemagov.ingest", Bindable.of(MaintenanceProperties.class),
                new ValidationBindHandler(new SpringValidatorAdapter(VALIDATION.getValidator())));
    }
}
