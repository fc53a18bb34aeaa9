package org.vein2vein.clock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A watcher does not start on a configuration that makes no sense. */
class ClockConfigTest {

    record Config(boolean watchEnabled, Duration checkInterval, double warningAt) implements ClockConfig {
    }

    @Test
    void theDefaultsAreAccepted() {
        Config config = new Config(true, Duration.ofSeconds(15), 0.8);

        assertThat(ClockWatch.checked(config)).isSameAs(config);
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0, 1, -0.5, 80, Double.NaN })
    void aWarningThresholdOutsideZeroToOneIsRefused(double warningAt) {
        assertThatThrownBy(() -> ClockWatch.checked(new Config(true, Duration.ofSeconds(15), warningAt)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vein2vein.clocks.warning-at");
    }

    @ParameterizedTest
    @ValueSource(strings = { "PT0S", "-PT1S" })
    void anIntervalThatIsNotPositiveIsRefused(String interval) {
        assertThatThrownBy(() -> ClockWatch.checked(new Config(true, Duration.parse(interval), 0.8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vein2vein.clocks.check-interval");
    }
}
