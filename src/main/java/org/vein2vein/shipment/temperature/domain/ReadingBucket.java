package org.vein2vein.shipment.temperature.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One logger's readings within one sampling interval: how many, the lowest, the highest and their mean,
 * rounded to the hundredth of a degree.
 */
public record ReadingBucket(String loggerId, Instant from, long readings, BigDecimal minCelsius,
        BigDecimal maxCelsius, BigDecimal avgCelsius) {
}
