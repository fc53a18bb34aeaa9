package org.vein2vein.shipment.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vein2vein.batch.application.ShipmentCustody;
import org.vein2vein.shipment.domain.Shipment;
import org.vein2vein.shipment.persistence.ShipmentRepository;

/**
 * What follows a temperature excursion on a shipment: an event in the ledger of every batch on board,
 * the units on board held (each dose, or the batch), and the excursion on the partner stream. The
 * shipment is locked first, as its transitions do, then its batches in COI order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ShipmentExcursions implements ExcursionRecorder {

    private final ShipmentRepository shipments;
    private final ShipmentCustody custody;
    private final PartnerStream partners;
    private final ShipmentEvents events;
    private final ObjectMapper mapper;

    public ShipmentExcursions(ShipmentRepository shipments, ShipmentCustody custody, PartnerStream partners,
            ShipmentEvents events, ObjectMapper mapper) {
        this.shipments = shipments;
        this.custody = custody;
        this.partners = partners;
        this.events = events;
        this.mapper = mapper;
    }

    @Override
    public void excursionDetected(String shipmentId, String loggerId, Instant from, Instant to,
            BigDecimal extremeCelsius) {
        Shipment shipment = shipments.findForUpdate(shipmentId).orElseThrow(() -> new ShipmentNotFoundException(
                shipmentId));
        Map<String, List<String>> unitsByCoi = ShipmentService.unitsByCoi(shipment);
        ObjectNode excursion = mapper.createObjectNode()
                .put("loggerId", loggerId)
                .put("from", from.toString())
                .put("to", to.toString())
                .put("extremeCelsius", extremeCelsius)
                .put("temperatureClass", shipment.temperatureClass().name());
        custody.holdForExcursion(shipment.id(), unitsByCoi, excursion, from);
        // An event of the shipment's history: its version (the events' sequence and its ETag) moves on.
        Shipment after = shipment.afterAnEvent();
        shipments.save(after);
        partners.publish(events.of(after, "TEMPERATURE_EXCURSION", from, Optional.empty(),
                Optional.of(new ShipmentEventMessage.Temperature(extremeCelsius, Optional.of(from), Optional.of(to),
                        Optional.of(loggerId))), Optional.empty()));
    }
}
