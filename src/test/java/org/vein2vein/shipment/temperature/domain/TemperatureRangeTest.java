package org.vein2vein.shipment.temperature.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.vein2vein.product.domain.TemperatureClass;

class TemperatureRangeTest {

    private final TemperatureRange fresh = TemperatureRange.of(TemperatureClass.FRESH_2_TO_8_C);
    private final TemperatureRange cryo = TemperatureRange.of(TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C);

    @Test
    void freshIsTwoToEightDegreesBothIncluded() {
        assertThat(fresh.contains(c("2.00"))).isTrue();
        assertThat(fresh.contains(c("8"))).isTrue();
        assertThat(fresh.contains(c("1.99"))).isFalse();
        assertThat(fresh.contains(c("8.01"))).isFalse();
    }

    @Test
    void cryoIsAtOrBelowMinus150WithNoLowerBound() {
        assertThat(cryo.contains(c("-150.00"))).isTrue();
        assertThat(cryo.contains(c("-273.15"))).isTrue();
        assertThat(cryo.contains(c("-149.99"))).isFalse();
        assertThat(cryo.lowest()).isEmpty();
    }

    @Test
    void theDistanceOutsideIsToTheNearerBound() {
        assertThat(fresh.distanceOutside(c("5"))).isZero();
        assertThat(fresh.distanceOutside(c("-1.5"))).isEqualByComparingTo("3.5");
        assertThat(fresh.distanceOutside(c("9.25"))).isEqualByComparingTo("1.25");
        assertThat(cryo.distanceOutside(c("-140"))).isEqualByComparingTo("10");
    }

    private static BigDecimal c(String celsius) {
        return new BigDecimal(celsius);
    }
}
