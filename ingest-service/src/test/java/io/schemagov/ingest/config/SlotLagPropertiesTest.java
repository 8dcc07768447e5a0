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
import org.springframework.util.unit.DataSize;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** {@code schemagov.ingest.slot-lag} bound and validated as at start-up. */
class SlotLagPropertiesTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @Test
    void intervalDefaultsToThirtySeconds() {
        assertThat(bind(Map.of()).interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bind(Map.of("schemagov.ingest.slot-lag.interval", "5m")).interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void intervalUnderOneSecondStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("schemagov.ingest.slot-lag.interval", "100ms")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("schemagov.ingest.slot-lag")
                .rootCause().hasMessageContaining("interval");
    }

    @Test
    void thresholdDefaultsToOneGigabyteAndTakesAnySize() {
        assertThat(bind(Map.of()).threshold()).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(bind(Map.of("schemagov.ingest.slot-lag.threshold", "1KB")).threshold().toBytes()).isEqualTo(1024);
        assertThat(bind(Map.of("schemagov.ingest.slot-lag.threshold", "20GB")).threshold()).isEqualTo(DataSize.ofGigabytes(20));
    }

    @Test
    void thresholdOfZeroStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("schemagov.ingest.slot-lag.threshold", "0B")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("schemagov.ingest.slot-lag")
                .rootCause().hasMessageContaining("schemagov.ingest.slot-lag.threshold must be at least 1B");
    }

    @Test
    void thresholdThatIsNoSizeStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("schemagov.ingest.slot-lag.threshold", "a lot")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("schemagov.ingest.slot-lag.threshold");
    }

    private static SlotLagProperties bind(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return binder.bindOrCreate("schemagov.ingest.slot-lag", Bindable.of(SlotLagProperties.class),
                new ValidationBindHandler(new SpringValidatorAdapter(VALIDATION.getValidator())));
    }
}
