package org.vein2vein.shipment.temperature.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.vein2vein.shipment.temperature.domain.LoggerFigures;
import org.vein2vein.shipment.temperature.domain.MonitoredShipment;
import org.vein2vein.shipment.temperature.domain.ReadingFigures;
import org.vein2vein.shipment.temperature.domain.RecordedExcursion;

/**
 * A shipment's readings summed up, overall and per logger (the first of them in id order), with its
 * recorded excursions (the first of them in the order they started).
 *
 * @param monitoredFrom when readings start to count: packing plus the stabilisation period; empty until packed
 */
public record TemperatureSummary(MonitoredShipment shipment, Optional<Instant> monitoredFrom, ReadingFigures overall,
        List<LoggerFigures> loggers, long totalLoggers, List<RecordedExcursion> excursions, long totalExcursions) {
}
