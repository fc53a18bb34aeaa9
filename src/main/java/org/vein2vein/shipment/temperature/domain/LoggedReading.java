package org.vein2vein.shipment.temperature.domain;

/** A stored reading with the logger that made it. */
public record LoggedReading(String loggerId, Reading reading) {
}
