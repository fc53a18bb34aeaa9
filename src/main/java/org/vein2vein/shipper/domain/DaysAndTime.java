package org.vein2vein.shipper.domain;

import java.time.Duration;

/**
 * Durations as ISO-8601 text with whole days written as days ({@code P10D}, {@code P1DT12H},
 * {@code PT20H}), as hold times are stated on qualification reports; Java writes P10D as PT240H.
 */
public final class DaysAndTime {

    private DaysAndTime() {
    }

    /** The duration as ISO-8601 text, days first; a negative one with one leading sign. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        long days = duration.toDays();
        Duration time = duration.minusDays(days);
        if (days == 0) {
            return time.toString();
        }
        return time.isZero() ? "P" + days + "D" : "P" + days + "D" + time.toString().substring(1);
    }
}
