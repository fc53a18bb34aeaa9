package org.vein2vein.shipment.application;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.vein2vein.shipment.domain.Handover;
import org.vein2vein.shipment.domain.Shipment;

/** Shipment events as partners receive them: what the shipment is after the transition, and what happened. */
@ApplicationScoped
public class ShipmentEvents {

    public ShipmentEventMessage of(Shipment shipment, String type, Instant occurredAt, Optional<Handover> handover,
            Optional<ShipmentEventMessage.Temperature> temperature, Optional<String> condition) {
        // Kept to the microsecond, as the outbox keeps ce_time (a logger may report finer times).
        return new ShipmentEventMessage(shipment.id(), shipment.version(), type,
                occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS), shipment.status().name(),
                shipment.originSite(), shipment.destinationSite(), shipment.courier(), shipment.custodian(),
                shipment.trackingNumber(), shipment.temperatureClass().name(),
                shipment.units().stream().map(unit -> new ShipmentEventMessage.UnitOnBoard(unit.coi(), unit.unitId()))
                        .toList(),
                handover.map(done -> new ShipmentEventMessage.Handover(done.number(), done.from().organisation(),
                        done.from().site(), done.to().organisation(), done.to().site(), done.place())),
                temperature, condition);
    }
}
