package org.vein2vein.shipment.temperature.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vein2vein.shipment.temperature.domain.Readings.PACKED_AT;
import static org.vein2vein.shipment.temperature.domain.Readings.fromMinute;
import static org.vein2vein.shipment.temperature.domain.Readings.minute;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vein2vein.product.domain.TemperatureClass;

class ExcursionDetectionTest {

    private static final Duration STABILISATION = Duration.ofMinutes(15);
    private final ExcursionDetection cryo = new ExcursionDetection(TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C,
            PACKED_AT, STABILISATION);
    private final ExcursionDetection fresh = new ExcursionDetection(TemperatureClass.FRESH_2_TO_8_C, PACKED_AT,
            STABILISATION);

    @Test
    void readingsWithinTheClassAreNoExcursion() {
        assertThat(cryo.find(fromMinute(20, "-185.00", "-150.00", "-190.25"))).isEmpty();
        assertThat(fresh.find(fromMinute(20, "2.00", "5.40", "8.00"))).isEmpty();
    }

    @Test
    void consecutiveReadingsOutsideTheClassAreOneExcursionWithTheReadingFurthestOutside() {
        List<Excursion> found = cryo.find(fromMinute(20, "-185.00", "-149.99", "-141.30", "-148.00", "-182.00"));

        assertThat(found).containsExactly(new Excursion(minute(21), minute(23), new BigDecimal("-141.30")));
    }

    @Test
    void aReadingWithinTheClassEndsARun() {
        List<Excursion> found = fresh.find(fromMinute(20, "8.50", "9.00", "7.90", "1.20", "5.00", "8.01"));

        assertThat(found).containsExactly(new Excursion(minute(20), minute(21), new BigDecimal("9.00")),
                new Excursion(minute(23), minute(23), new BigDecimal("1.20")),
                new Excursion(minute(25), minute(25), new BigDecimal("8.01")));
    }

    @Test
    void theExtremeOfAFreshRunIsTheReadingFurthestFromEitherBound() {
        assertThat(fresh.find(fromMinute(20, "9.00", "1.50", "0.90", "10.00")))
                .extracting(Excursion::extremeCelsius).containsExactly(new BigDecimal("10.00"));
        assertThat(fresh.find(fromMinute(20, "9.00", "-0.50", "10.00")))
                .extracting(Excursion::extremeCelsius).containsExactly(new BigDecimal("-0.50"));
    }

    @Test
    void ofTwoReadingsEquallyFarOutsideTheFirstIsTheExtreme() {
        assertThat(fresh.find(fromMinute(20, "9.00", "1.00")))
                .extracting(Excursion::extremeCelsius).containsExactly(new BigDecimal("9.00"));
    }

    @Test
    void readingsDuringStabilisationNeverCount() {
        List<Excursion> found = cryo.find(fromMinute(0, "-20.00", "-60.00", "-120.00"));

        assertThat(found).isEmpty();
    }

    @Test
    void aRunThatBeganDuringStabilisationCountsFromTheEndOfStabilisation() {
        List<Excursion> found = cryo.find(fromMinute(13, "-90.00", "-120.00", "-140.00", "-145.00", "-160.00"));

        assertThat(found).containsExactly(new Excursion(minute(15), minute(16), new BigDecimal("-140.00")));
    }

    @Test
    void aReadingAtTheEndOfStabilisationCounts() {
        assertThat(cryo.monitoredFrom()).isEqualTo(minute(15));
        assertThat(cryo.isOutOfRange(Readings.at(15, "-100.00"))).isTrue();
        assertThat(cryo.isOutOfRange(new Reading(minute(15).minusNanos(1_000), new BigDecimal("-100.00")))).isFalse();
    }

    @Test
    void withoutStabilisationReadingsCountFromPacking() {
        ExcursionDetection immediate = new ExcursionDetection(TemperatureClass.FRESH_2_TO_8_C, PACKED_AT,
                Duration.ZERO);

        assertThat(immediate.find(fromMinute(0, "12.00", "7.00"))).hasSize(1);
    }

    @Test
    void aRunStillOutsideAtTheLastReadingEndsThere() {
        assertThat(cryo.find(fromMinute(30, "-160.00", "-120.00", "-110.00")))
                .containsExactly(new Excursion(minute(31), minute(32), new BigDecimal("-110.00")));
    }

    @Test
    void readingsMustBeInTimeOrder() {
        assertThatThrownBy(() -> cryo.find(List.of(Readings.at(21, "-160"), Readings.at(20, "-160"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cryo.find(List.of(Readings.at(21, "-160"), Readings.at(21, "-160"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStabilisationPeriodIsNotNegative() {
        assertThatThrownBy(() -> new ExcursionDetection(TemperatureClass.FRESH_2_TO_8_C, PACKED_AT,
                Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
