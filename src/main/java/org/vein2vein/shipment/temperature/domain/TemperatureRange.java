package org.vein2vein.shipment.temperature.domain;

import java.math.BigDecimal;
import java.util.Optional;

import org.vein2vein.product.domain.TemperatureClass;

/**
 * The temperatures a class allows, both bounds included: 2.00 to 8.00 °C for fresh product, at or
 * below −150.00 °C for cryopreserved product, which has no lower bound.
 */
public final class TemperatureRange {

    private final BigDecimal lowest;
    private final BigDecimal highest;

    private TemperatureRange(BigDecimal lowest, BigDecimal highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    public static TemperatureRange of(TemperatureClass temperatureClass) {
        return switch (temperatureClass) {
            case FRESH_2_TO_8_C -> new TemperatureRange(new BigDecimal("2.00"), new BigDecimal("8.00"));
            case CRYO_AT_OR_BELOW_MINUS_150_C -> new TemperatureRange(null, new BigDecimal("-150.00"));
        };
    }

    public Optional<BigDecimal> lowest() {
        return Optional.ofNullable(lowest);
    }

    public Optional<BigDecimal> highest() {
        return Optional.ofNullable(highest);
    }

    public boolean contains(BigDecimal celsius) {
        return distanceOutside(celsius).signum() == 0;
    }

    /** How far outside the range the temperature is: zero inside, else the distance to the nearer bound. */
    public BigDecimal distanceOutside(BigDecimal celsius) {
        if (lowest != null && celsius.compareTo(lowest) < 0) {
            return lowest.subtract(celsius);
        }
        if (highest != null && celsius.compareTo(highest) > 0) {
            return celsius.subtract(highest);
        }
        return BigDecimal.ZERO;
    }
}
