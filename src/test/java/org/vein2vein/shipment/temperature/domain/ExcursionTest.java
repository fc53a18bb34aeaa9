package org.vein2vein.shipment.temperature.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vein2vein.shipment.temperature.domain.Readings.minute;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.vein2vein.product.domain.TemperatureClass;

class ExcursionTest {

    private static final TemperatureRange CRYO = TemperatureRange.of(TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C);

    @Test
    void excursionsThatShareAMomentOverlap() {
        Excursion recorded = excursion(20, 25, "-140");

        assertThat(recorded.overlaps(excursion(25, 30, "-140"))).isTrue();
        assertThat(recorded.overlaps(excursion(10, 20, "-140"))).isTrue();
        assertThat(recorded.overlaps(excursion(22, 23, "-140"))).isTrue();
        assertThat(recorded.overlaps(excursion(26, 30, "-140"))).isFalse();
    }

    @Test
    void coveringAnotherStretchesToBothAndKeepsTheMoreExtremeReading() {
        Excursion recorded = excursion(20, 25, "-140.00");

        assertThat(recorded.coveringAlso(excursion(18, 30, "-145.00"), CRYO))
                .isEqualTo(excursion(18, 30, "-140.00"));
        assertThat(recorded.coveringAlso(excursion(24, 31, "-120.00"), CRYO))
                .isEqualTo(excursion(20, 31, "-120.00"));
    }

    @Test
    void anExcursionEndsAfterItStarts() {
        assertThatThrownBy(() -> excursion(25, 20, "-140")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Excursion excursion(int fromMinute, int toMinute, String extreme) {
        return new Excursion(minute(fromMinute), minute(toMinute), new BigDecimal(extreme));
    }
}
