package org.vein2vein.shipment.temperature.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vein2vein.shipment.temperature.domain.Readings.minute;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReadingRulesTest {

    @Test
    void readingsInStrictTimeOrderKeepTheRule() {
        assertThat(new ReadingsInTimeOrder().check(Readings.fromMinute(0, "1", "2", "3"))).isEmpty();
        assertThat(new ReadingsInTimeOrder().check(List.of())).isEmpty();
    }

    @Test
    void aReadingNotLaterThanTheOneBeforeBreaksTheRule() {
        List<Reading> readings = List.of(Readings.at(1, "1"), Readings.at(0, "1"), Readings.at(2, "1"),
                Readings.at(2, "1"));

        assertThat(new ReadingsInTimeOrder().check(readings)).containsExactly(
                new ReadingViolation(1, "at", ReadingsInTimeOrder.RULE),
                new ReadingViolation(3, "at", ReadingsInTimeOrder.RULE));
    }

    @Test
    void aPlausibleTemperatureIsFromAbsoluteZeroToAHundredDegreesInHundredths() {
        for (String plausible : List.of("-273.15", "-182.4", "0", "100.00", "100.000", "-1.5E+1", "37.25")) {
            assertThat(PlausibleCelsius.plausible(new BigDecimal(plausible))).as(plausible).isTrue();
        }
        for (String implausible : List.of("-273.16", "100.01", "1e999999999", "-1e999999999", "1e-999999999",
                "20.125", "0.001")) {
            assertThat(PlausibleCelsius.plausible(new BigDecimal(implausible))).as(implausible).isFalse();
        }
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        List<Reading> readings = List.of(new Reading(minute(0).plusNanos(123_000), BigDecimal.ONE),
                new Reading(minute(1).plusNanos(123_456_789), BigDecimal.ONE));

        assertThat(new MicrosecondTimes().check(readings))
                .containsExactly(new ReadingViolation(1, "at", MicrosecondTimes.RULE));
    }

    @Test
    void everyRuleIsCheckedAndTheViolationsComeInTheOrderOfTheReadings() {
        List<Reading> readings = List.of(Readings.at(1, "500"), Readings.at(0, "20.001"),
                new Reading(minute(2).plusNanos(1), BigDecimal.ONE));

        assertThat(ReadingRules.check(readings)).containsExactly(
                new ReadingViolation(0, "celsius", PlausibleCelsius.RULE),
                new ReadingViolation(1, "at", ReadingsInTimeOrder.RULE),
                new ReadingViolation(1, "celsius", PlausibleCelsius.RULE),
                new ReadingViolation(2, "at", MicrosecondTimes.RULE));
    }
}
