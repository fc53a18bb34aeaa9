package org.vein2vein.shipment.temperature.domain;

import java.time.Instant;

/** An excursion as recorded: which logger read it, its extent as now known, and when it was first found. */
public record RecordedExcursion(long id, String loggerId, Excursion excursion, Instant detectedAt) {
}
