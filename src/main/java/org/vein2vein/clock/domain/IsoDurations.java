package org.vein2vein.clock.domain;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Durations as clocks show them: ISO-8601, to the millisecond. */
public final class IsoDurations {

    private IsoDurations() {
    }

    /**
     * ISO-8601, cut to the millisecond, with one leading sign when negative ({@code -PT1H30M}, not
     * Java's {@code PT-1H-30M}); {@link Duration#parse} reads both.
     */
    public static String format(Duration duration) {
        Duration millis = duration.truncatedTo(ChronoUnit.MILLIS);
        return millis.isNegative() ? "-" + millis.negated() : millis.toString();
    }
}
