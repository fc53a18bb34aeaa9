package org.vein2vein.shipment.temperature.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Readings a minute apart, written as the tests think of them. */
final class Readings {

    static final Instant PACKED_AT = Instant.parse("2026-11-25T08:00:00Z");

    private Readings() {
    }

    /** One reading per value, the first at {@code minutesAfterPacking}, the next each a minute later. */
    static List<Reading> fromMinute(int minutesAfterPacking, String... celsius) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < celsius.length; i++) {
            readings.add(at(minutesAfterPacking + i, celsius[i]));
        }
        return readings;
    }

    static Reading at(int minutesAfterPacking, String celsius) {
        return new Reading(minute(minutesAfterPacking), new BigDecimal(celsius));
    }

    static Instant minute(int minutesAfterPacking) {
        return PACKED_AT.plusSeconds(60L * minutesAfterPacking);
    }
}
