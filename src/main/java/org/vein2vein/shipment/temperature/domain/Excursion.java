package org.vein2vein.shipment.temperature.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A run of consecutive readings of one logger outside the shipment's temperature class: from its first
 * to its last reading, and the reading furthest outside the class.
 */
public record Excursion(Instant from, Instant to, BigDecimal extremeCelsius) {

    public Excursion {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(extremeCelsius, "extremeCelsius");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an excursion ends after it starts");
        }
    }

    /** Whether the two share a moment: the later one starts before the earlier one ends, or as it ends. */
    public boolean overlaps(Excursion other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }

    /** This excursion stretched to cover {@code other} too, with the more extreme of their extremes. */
    public Excursion coveringAlso(Excursion other, TemperatureRange range) {
        BigDecimal extreme = range.distanceOutside(other.extremeCelsius)
                .compareTo(range.distanceOutside(extremeCelsius)) > 0 ? other.extremeCelsius : extremeCelsius;
        return new Excursion(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to,
                extreme);
    }
}
