package org.vein2vein.clock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vein2vein.kernel.Stage;

class WindowClockTest {

    private static final Instant START = Instant.parse("2026-11-25T09:30:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final double THRESHOLD = 0.8;

    private static WindowClock running() {
        return WindowClock.start("V2V7K3Q9P2XRTB", WindowClock.BATCH_LEVEL, "thaw-to-infusion", Stage.THAWED,
                Stage.INFUSED, START, HOUR);
    }

    private static WindowClock with(Optional<Instant> stopped, Optional<Instant> warned, Optional<Instant> breached) {
        WindowClock clock = running();
        return new WindowClock(clock.coi(), clock.unitId(), clock.window(), clock.from(), clock.to(),
                clock.startedAt(), clock.deadline(), stopped, warned, breached);
    }

    private static Instant after(Duration elapsed) {
        return START.plus(elapsed);
    }

    @Test
    void theDeadlineIsTheStartPlusTheWindow() {
        WindowClock clock = running();

        assertThat(clock.deadline()).isEqualTo(Instant.parse("2026-11-25T10:30:00Z"));
        assertThat(clock.max()).isEqualTo(HOUR);
        assertThat(clock.isRunning()).isTrue();
        assertThat(clock.isBatchLevel()).isTrue();
        assertThat(clock.key()).isEqualTo(new WindowClock.Key("V2V7K3Q9P2XRTB", "", "thaw-to-infusion"));
    }

    @Test
    void remainingCountsDownAndTurnsNegativeWhenOverdue() {
        WindowClock clock = running();

        assertThat(clock.remaining(START)).isEqualTo(HOUR);
        assertThat(clock.remaining(after(Duration.ofMinutes(45)))).isEqualTo(Duration.ofMinutes(15));
        assertThat(clock.remaining(clock.deadline())).isZero();
        assertThat(clock.remaining(after(Duration.ofMinutes(70)))).isEqualTo(Duration.ofMinutes(-10));
        assertThat(clock.overrunBy(after(Duration.ofMinutes(70)))).isEqualTo(Duration.ofMinutes(10));
        assertThat(clock.overrunBy(after(Duration.ofMinutes(50)))).isZero();
    }

    @Test
    void aStoppedClockKeepsWhatWasLeftWhenItStopped() {
        WindowClock clock = with(Optional.of(after(Duration.ofMinutes(20))), Optional.empty(), Optional.empty());

        assertThat(clock.remaining(after(Duration.ofHours(5)))).isEqualTo(Duration.ofMinutes(40));
        assertThat(clock.elapsedFraction(after(Duration.ofHours(5)))).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(clock.isRunning()).isFalse();
    }

    @Test
    void elapsedFractionGoesFromZeroAtTheStartToOneAtTheDeadlineAndBeyond() {
        WindowClock clock = running();

        assertThat(clock.elapsedFraction(START.minusSeconds(30))).isZero();
        assertThat(clock.elapsedFraction(START)).isZero();
        assertThat(clock.elapsedFraction(after(Duration.ofMinutes(30)))).isEqualTo(0.5);
        assertThat(clock.elapsedFraction(clock.deadline())).isEqualTo(1.0);
        assertThat(clock.elapsedFraction(after(Duration.ofMinutes(90)))).isEqualTo(1.5);
    }

    @Test
    void theWarningComesWhenTheThresholdOfTheWindowHasElapsed() {
        WindowClock clock = running();

        assertThat(clock.warningAt(THRESHOLD)).isEqualTo(after(Duration.ofMinutes(48)));
        assertThat(clock.warningDue(after(Duration.ofMinutes(47)), THRESHOLD)).isFalse();
        assertThat(clock.warningDue(after(Duration.ofMinutes(48)), THRESHOLD)).isTrue();
        assertThat(clock.warningDue(after(Duration.ofMinutes(59)), THRESHOLD)).isTrue();
    }

    @Test
    void theWarningIsToTheMicrosecond() {
        WindowClock clock = WindowClock.start("V2V7K3Q9P2XRTB", "", "w-1", Stage.COLLECTED,
                Stage.RECEIVED_AT_MANUFACTURING, START, Duration.ofNanos(1_000_001));

        assertThat(clock.warningAt(0.5)).isEqualTo(START.plusNanos(500_000));
    }

    @Test
    void noWarningIsDueOnceRecordedPastTheDeadlineOrWhenStopped() {
        Instant warningTime = after(Duration.ofMinutes(50));

        assertThat(with(Optional.empty(), Optional.of(warningTime), Optional.empty())
                .warningDue(warningTime, THRESHOLD)).isFalse();
        assertThat(running().warningDue(running().deadline(), THRESHOLD)).as("a late warning is noise").isFalse();
        assertThat(with(Optional.of(after(Duration.ofMinutes(10))), Optional.empty(), Optional.empty())
                .warningDue(warningTime, THRESHOLD)).isFalse();
    }

    @Test
    void theBreachIsDueFromTheDeadlineUntilRecordedWhileTheClockRuns() {
        WindowClock clock = running();

        assertThat(clock.breachDue(clock.deadline().minusNanos(1000))).isFalse();
        assertThat(clock.breachDue(clock.deadline())).isTrue();
        assertThat(clock.breachDue(after(Duration.ofDays(3)))).isTrue();
        assertThat(with(Optional.empty(), Optional.empty(), Optional.of(clock.deadline()))
                .breachDue(after(Duration.ofDays(3)))).isFalse();
        assertThat(with(Optional.of(after(Duration.ofMinutes(61))), Optional.empty(), Optional.empty())
                .breachDue(after(Duration.ofDays(3)))).isFalse();
    }

    @Test
    void theStateFollowsTheTimeAndStopsWithTheClock() {
        WindowClock clock = running();

        assertThat(clock.state(after(Duration.ofMinutes(10)), THRESHOLD)).isEqualTo(ClockState.RUNNING);
        assertThat(clock.state(after(Duration.ofMinutes(48)), THRESHOLD)).isEqualTo(ClockState.WARNING);
        assertThat(clock.state(clock.deadline(), THRESHOLD)).isEqualTo(ClockState.BREACHED);
        assertThat(with(Optional.of(after(Duration.ofMinutes(61))), Optional.empty(), Optional.empty())
                .state(after(Duration.ofDays(1)), THRESHOLD)).isEqualTo(ClockState.STOPPED);
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0, 1, -0.2, 1.5, Double.NaN, Double.POSITIVE_INFINITY })
    void aWarningThresholdIsAFractionStrictlyBetweenZeroAndOne(double threshold) {
        assertThatThrownBy(() -> WindowClock.requireThreshold(threshold)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> running().warningAt(threshold)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClockIsDueAfterItStarts() {
        assertThatThrownBy(() -> new WindowClock("V2V7K3Q9P2XRTB", "", "w-1", Stage.COLLECTED,
                Stage.RECEIVED_AT_MANUFACTURING, START, START, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WindowClock.requireThreshold(0.8)).isEqualTo(0.8);
    }

    @Test
    void durationsAreShownInIsoToTheMillisecondWithOneLeadingSign() {
        assertThat(IsoDurations.format(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
        assertThat(IsoDurations.format(Duration.ofMinutes(-90))).isEqualTo("-PT1H30M");
        assertThat(IsoDurations.format(Duration.ofNanos(1_234_567_890))).isEqualTo("PT1.234S");
        assertThat(IsoDurations.format(Duration.ofNanos(-1_234_567_890))).isEqualTo("-PT1.234S");
        assertThat(IsoDurations.format(Duration.ZERO)).isEqualTo("PT0S");
        assertThat(Duration.parse(IsoDurations.format(Duration.ofSeconds(-4000)))).isEqualTo(Duration.ofSeconds(-4000));
    }
}
