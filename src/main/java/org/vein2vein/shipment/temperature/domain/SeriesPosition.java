package org.vein2vein.shipment.temperature.domain;

import java.time.Instant;

/** Where a page of a shipment's readings (or buckets) ended: at a time, and at that time, a logger. */
public record SeriesPosition(Instant at, String loggerId) {
}
