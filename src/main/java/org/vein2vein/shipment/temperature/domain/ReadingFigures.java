package org.vein2vein.shipment.temperature.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * What a set of readings (one logger's, or all of a shipment's) came to: how many, the lowest and highest
 * temperature, the first and the last reading, and the time out of range (docs/shipments.md, "Temperature
 * readings"). Without readings, only the count (0) and the time out of range (zero) are known.
 */
public record ReadingFigures(long readings, Optional<BigDecimal> minCelsius, Optional<BigDecimal> maxCelsius,
        Optional<Reading> first, Optional<Reading> last, Duration timeOutOfRange) {

    public static ReadingFigures none() {
        return new ReadingFigures(0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ZERO);
    }
}
