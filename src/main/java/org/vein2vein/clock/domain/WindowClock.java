package org.vein2vein.clock.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import org.vein2vein.kernel.Stage;

/**
 * The live clock of one time window of a product, for one batch or one dose unit of it: started by
 * the step at {@code from}, stopped by the step at {@code to} (or by the end of the journey), due
 * at {@code deadline}. Times are those of the steps as reported, not when the service learned of
 * them.
 *
 * @param unitId     the dose unit, for a per-dose window of an allogeneic batch; {@link #BATCH_LEVEL} ("")
 *                   for a clock of the whole batch
 * @param window     the window's name in the product definition, e.g. {@code collection-to-receipt}
 * @param stoppedAt  when the step that stopped the clock happened; empty while it runs
 * @param warnedAt   when the warning was recorded in the ledger (or, for a clock first seen breached, when
 *                   it was skipped); empty until then
 * @param breachedAt when the breach was recorded in the ledger; empty until then
 */
public record WindowClock(String coi, String unitId, String window, Stage from, Stage to, Instant startedAt,
        Instant deadline, Optional<Instant> stoppedAt, Optional<Instant> warnedAt, Optional<Instant> breachedAt) {

    /** The unit id of a clock that measures the whole batch. */
    public static final String BATCH_LEVEL = "";

    public WindowClock {
        Objects.requireNonNull(coi, "coi");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        Objects.requireNonNull(warnedAt, "warnedAt");
        Objects.requireNonNull(breachedAt, "breachedAt");
        if (!deadline.isAfter(startedAt)) {
            throw new IllegalArgumentException("a clock's deadline comes after its start");
        }
    }

    /** A clock that starts at {@code startedAt} and is due {@code max} later. */
    public static WindowClock start(String coi, String unitId, String window, Stage from, Stage to,
            Instant startedAt, Duration max) {
        return new WindowClock(coi, unitId, window, from, to, startedAt, startedAt.plus(max), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * Checks a warning threshold: the fraction of a window that may elapse before it warns.
     *
     * @throws IllegalArgumentException unless {@code 0 < threshold < 1}
     */
    public static double requireThreshold(double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("a warning threshold is a fraction of the window above 0 and below 1, not "
                    + threshold);
        }
        return threshold;
    }

    public Key key() {
        return new Key(coi, unitId, window);
    }

    /** The longest time the window allows: from its start to its deadline. */
    public Duration max() {
        return Duration.between(startedAt, deadline);
    }

    public boolean isRunning() {
        return stoppedAt.isEmpty();
    }

    public boolean isBatchLevel() {
        return BATCH_LEVEL.equals(unitId);
    }

    /**
     * Time left until the deadline at {@code now}, negative once it has passed; for a stopped clock, what
     * was left when it stopped.
     */
    public Duration remaining(Instant now) {
        return Duration.between(stoppedAt.orElse(now), deadline);
    }

    /**
     * The part of the window elapsed at {@code now} (for a stopped clock: when it stopped): 0 at the
     * start (and before it), 1 at the deadline, above 1 after it.
     */
    public double elapsedFraction(Instant now) {
        Duration elapsed = Duration.between(startedAt, stoppedAt.orElse(now));
        if (elapsed.isNegative()) {
            return 0;
        }
        return (double) elapsed.toNanos() / max().toNanos();
    }

    /** The moment {@code threshold} of the window has elapsed, to the microsecond the ledger keeps. */
    public Instant warningAt(double threshold) {
        requireThreshold(threshold);
        return startedAt.plusNanos(Math.round(max().toNanos() * threshold)).truncatedTo(ChronoUnit.MICROS);
    }

    /** How long past its deadline the clock is at {@code now}; zero before it. */
    public Duration overrunBy(Instant now) {
        Duration overrun = remaining(now).negated();
        return overrun.isNegative() ? Duration.ZERO : overrun;
    }

    /**
     * Whether a warning is due at {@code now} and not yet recorded: the clock runs, {@code threshold}
     * of the window has elapsed, and its deadline has not passed. Once the deadline has passed, only
     * the breach is due: a warning after it would be noise.
     */
    public boolean warningDue(Instant now, double threshold) {
        return isRunning() && warnedAt.isEmpty() && breachedAt.isEmpty() && !now.isBefore(warningAt(threshold))
                && now.isBefore(deadline);
    }

    /** Whether the breach is due at {@code now} and not yet recorded: the clock runs past its deadline. */
    public boolean breachDue(Instant now) {
        return isRunning() && breachedAt.isEmpty() && !now.isBefore(deadline);
    }

    /** Where the clock stands at {@code now}, warning from {@code threshold} of its window on. */
    public ClockState state(Instant now, double threshold) {
        if (!isRunning()) {
            return ClockState.STOPPED;
        }
        if (!now.isBefore(deadline)) {
            return ClockState.BREACHED;
        }
        if (!now.isBefore(warningAt(threshold))) {
            return ClockState.WARNING;
        }
        return ClockState.RUNNING;
    }

    /** What identifies a clock: the batch, the dose unit ("" for the batch) and the window. */
    public record Key(String coi, String unitId, String window) {

        public Key {
            Objects.requireNonNull(coi, "coi");
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(window, "window");
        }
    }
}
