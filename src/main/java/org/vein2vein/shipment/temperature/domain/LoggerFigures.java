package org.vein2vein.shipment.temperature.domain;

/** What one logger's readings of a shipment came to. */
public record LoggerFigures(String loggerId, ReadingFigures figures) {
}
