package org.vein2vein.shipper.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A shipper as reference data: the container a shipment travels in, what it is qualified for and
 * until when, and how long its validated hold time keeps its temperature class. Every change makes
 * a new version, starting at 1; the version is what clients send back as If-Match.
 *
 * @param qualifiedUntil    when its qualification (temperature mapping, hold-time validation) ends;
 *                          kept to the microsecond, as the database keeps it
 * @param validatedHoldTime how long, from closing, it is validated to keep its class
 */
public record Shipper(String id, ShipperType type, Instant qualifiedUntil, Duration validatedHoldTime,
        boolean active, long version) {

    /** The asset code on the container: upper-case letters, digits and '-', 3 to 32 characters, e.g. DS-0192. */
    public static final String ID = "[A-Z0-9][A-Z0-9-]{2,31}";
    /** Shorter than any container's validated hold: a typo, not a qualification. */
    public static final Duration SHORTEST_HOLD_TIME = Duration.ofHours(1);
    /** Longer than any dry shipper holds (about three weeks): a typo, not a qualification. */
    public static final Duration LONGEST_HOLD_TIME = Duration.ofDays(60);
    private static final Pattern ID_PATTERN = Pattern.compile(ID);

    public Shipper {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("a shipper's id does not have the shape of one");
        }
        Objects.requireNonNull(type, "type");
        qualifiedUntil = Objects.requireNonNull(qualifiedUntil, "qualifiedUntil").truncatedTo(ChronoUnit.MICROS);
        if (!holdTimeInRange(Objects.requireNonNull(validatedHoldTime, "validatedHoldTime"))) {
            throw new IllegalArgumentException("a shipper's validated hold time must be from "
                    + DaysAndTime.format(SHORTEST_HOLD_TIME) + " to " + DaysAndTime.format(LONGEST_HOLD_TIME));
        }
        if (version < 1) {
            throw new IllegalArgumentException("a shipper's version starts at 1");
        }
    }

    /** A new shipper: active, version 1. */
    public static Shipper create(String id, ShipperType type, Instant qualifiedUntil, Duration validatedHoldTime) {
        return new Shipper(id, type, qualifiedUntil, validatedHoldTime, true, 1);
    }

    /** The same shipper with these values, as its next version. */
    public Shipper revise(ShipperType newType, Instant newQualifiedUntil, Duration newHoldTime, boolean nowActive) {
        return new Shipper(id, newType, newQualifiedUntil, newHoldTime, nowActive, version + 1);
    }

    public static boolean holdTimeInRange(Duration holdTime) {
        return holdTime.compareTo(SHORTEST_HOLD_TIME) >= 0 && holdTime.compareTo(LONGEST_HOLD_TIME) <= 0;
    }
}
