package org.vein2vein.shipment.temperature.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplingIntervalTest {

    @ParameterizedTest
    @ValueSource(strings = { "PT1M", "PT5M", "PT90S", "PT1H", "P1D", "PT24H" })
    void wholeSecondsFromAMinuteToADayAreIntervals(String text) {
        assertThat(SamplingInterval.parse(text)).map(SamplingInterval::length).contains(Duration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PT59S", "P2D", "PT24H1S", "-PT5M", "PT-5M", "PT0S", "PT1M0.5S", "5M", "PT5m ", "",
            "P1M", "P1Y", "PT99999999999999999999H", "1e9", "PT5M;drop" })
    void anythingElseIsNone(String text) {
        assertThat(SamplingInterval.parse(text)).isEmpty();
    }

    @Test
    void aVeryLongTextIsNotParsed() {
        assertThat(SamplingInterval.parse("PT" + "0".repeat(10_000) + "5M")).isEmpty();
        assertThat(SamplingInterval.parse(null)).isEmpty();
    }

    @Test
    void anIntervalOutOfRangeCannotBeMade() {
        assertThatThrownBy(() -> new SamplingInterval(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
