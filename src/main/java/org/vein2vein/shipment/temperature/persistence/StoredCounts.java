package org.vein2vein.shipment.temperature.persistence;

/**
 * What became of the readings sent for storage.
 *
 * @param stored      new readings, stored now
 * @param duplicates  readings stored before, for the shipment, with the same value
 * @param conflicting readings of the logger stored before at the same time with another value, or for another
 *                    shipment: the reading stored first is kept
 */
public record StoredCounts(long stored, long duplicates, long conflicting) {
}
