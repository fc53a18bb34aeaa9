package org.vein2vein.shipment.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A shipment event as a logistics partner receives it on the partner stream: no personal health
 * information, and no patient, donor or recipient reference, only COIs, unit ids, sites,
 * organisations, times, condition and temperatures.
 *
 * @param type        what happened: {@code PLANNED}, {@code PACKED}, {@code HANDOVER_RELEASED},
 *                    {@code HANDOVER_ACCEPTED}, {@code RECEIVED}, {@code TEMPERATURE_EXCURSION}
 * @param sequence    the event's place in the shipment's own history, from 1
 * @param custodian   the organisation holding the shipment after the event
 * @param handover    for handover events, the handover
 * @param temperature for receipt and excursion events, what was measured
 */
public record ShipmentEventMessage(String shipmentId, long sequence, String type, Instant occurredAt, String status,
        String originSite, String destinationSite, String courier, String custodian, Optional<String> trackingNumber,
        String temperatureClass, List<UnitOnBoard> units, Optional<Handover> handover,
        Optional<Temperature> temperature, Optional<String> condition) {

    /** A unit on board, with the COI of its batch. */
    public record UnitOnBoard(String coi, String unitId) {
    }

    public record Handover(int number, String fromOrganisation, Optional<String> fromSite, String toOrganisation,
            Optional<String> toSite, Optional<String> place) {
    }

    /**
     * @param celsius       the reading on arrival, or the most extreme reading of an excursion
     * @param from          an excursion's first reading out of range
     * @param to            an excursion's last reading out of range
     */
    public record Temperature(BigDecimal celsius, Optional<Instant> from, Optional<Instant> to,
            Optional<String> loggerId) {
    }
}
