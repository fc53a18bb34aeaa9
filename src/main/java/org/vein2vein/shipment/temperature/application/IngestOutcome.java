package org.vein2vein.shipment.temperature.application;

/**
 * What became of an upload's readings: each one received is stored, a duplicate, conflicting or outside
 * the shipment's transit.
 *
 * @param excursionsDetected excursions first found among the readings stored now
 */
public record IngestOutcome(long received, long stored, long duplicates, long conflicting, long outsideTransit,
        long excursionsDetected) {
}
