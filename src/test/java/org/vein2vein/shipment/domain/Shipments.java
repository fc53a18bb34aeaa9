package org.vein2vein.shipment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vein2vein.kernel.Actor;
import org.vein2vein.product.domain.TemperatureClass;

/**
 * Shipments for the shipment rules' unit tests: two bags of one batch from a manufacturing site to
 * a treatment site, at any status of its lifecycle, with the handovers that status implies.
 */
final class Shipments {

    static final String ID = "SHP-7K3Q9P2XRT";
    static final String COI = "V2V7K3Q9P2XRTB";
    static final String ORIGIN = "MFG-GENT-01";
    static final String ORIGIN_ORG = "ORG-GENT";
    static final String DESTINATION = "SITE-LYON-01";
    static final String DESTINATION_ORG = "HOSP-LYON";
    static final String COURIER = "CRYO-COURIER-EU";
    static final String DEPOT = "CDG-DEPOT";
    static final Instant PACKED_AT = Instant.parse("2026-12-09T08:00:00Z");
    static final Actor ORIGIN_TECHNICIAN = new Actor("tech-gent-01", "technician", ORIGIN_ORG);
    static final Actor DRIVER = new Actor("drv-0001", "logistics", COURIER);
    static final Party AT_ORIGIN = Party.atSite(ORIGIN_ORG, ORIGIN);
    static final Party TO_COURIER = Party.partner(COURIER);
    static final Party AT_DESTINATION = Party.atSite(DESTINATION_ORG, DESTINATION);

    private ShipmentStatus status = ShipmentStatus.PLANNED;
    private String custodian = ORIGIN_ORG;
    private TemperatureClass temperatureClass = TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C;
    private Leg leg = Leg.TO_TREATMENT_SITE;
    private List<UnitOnBoard> units = new ArrayList<>(List.of(new UnitOnBoard(COI, COI + "-01"),
            new UnitOnBoard(COI, COI + "-02")));
    private final List<Handover> handovers = new ArrayList<>();

    private Shipments() {
    }

    /** Planned, its units reserved at the origin. */
    static Shipments planned() {
        return new Shipments();
    }

    /** Packed, held by the origin, not yet handed over. */
    static Shipments packed() {
        return planned().status(ShipmentStatus.PACKED);
    }

    /** Packed and released by the origin to the courier, who has not accepted it yet (handover 1). */
    static Shipments releasedToCourier() {
        return packed().handover(released(1, AT_ORIGIN, TO_COURIER));
    }

    /** Picked up: the courier accepted handover 1 and holds it. */
    static Shipments pickedUp() {
        return planned().status(ShipmentStatus.PICKED_UP).custodian(COURIER)
                .handover(released(1, AT_ORIGIN, TO_COURIER).acceptedBy(DRIVER, PACKED_AT.plusSeconds(600),
                        Handover.Condition.INTACT));
    }

    /** Delivered: the courier released it to the destination (handover 2), which has not received it yet. */
    static Shipments delivered() {
        return pickedUp().status(ShipmentStatus.DELIVERED).handover(released(2, TO_COURIER, AT_DESTINATION));
    }

    /** Received: the destination accepted handover 2 and holds it. */
    static Shipments received() {
        Shipments received = pickedUp().status(ShipmentStatus.RECEIVED).custodian(DESTINATION_ORG);
        received.handovers.add(released(2, TO_COURIER, AT_DESTINATION).acceptedBy(
                new Actor("tech-lyon-01", "technician", DESTINATION_ORG), PACKED_AT.plusSeconds(7200),
                Handover.Condition.INTACT));
        return received;
    }

    /** A handover released {@code number} minutes after packing, waiting for its acceptance. */
    static Handover released(int number, Party from, Party to) {
        return new Handover(number, from, to, Optional.empty(), PACKED_AT.plus(Duration.ofMinutes(number)),
                from.site().isPresent() ? ORIGIN_TECHNICIAN : DRIVER, Optional.empty());
    }

    Shipments status(ShipmentStatus to) {
        status = to;
        return this;
    }

    Shipments custodian(String organisation) {
        custodian = organisation;
        return this;
    }

    Shipments temperatureClass(TemperatureClass to) {
        temperatureClass = to;
        return this;
    }

    Shipments toManufacturing() {
        leg = Leg.TO_MANUFACTURING;
        return this;
    }

    Shipments units(String... unitIds) {
        units = new ArrayList<>();
        for (String unitId : unitIds) {
            units.add(new UnitOnBoard(COI, unitId));
        }
        return this;
    }

    Shipments handover(Handover handover) {
        handovers.add(handover);
        return this;
    }

    Shipment build() {
        boolean packed = status != ShipmentStatus.PLANNED;
        return new Shipment(ID, ORIGIN, DESTINATION, COURIER, "DS-0042", Optional.of("1Z999AA10123456784"),
                temperatureClass, leg, status, custodian, PACKED_AT.plusSeconds(3600), PACKED_AT.plusSeconds(36_000),
                packed ? Optional.of(PACKED_AT.minusSeconds(900)) : Optional.empty(),
                packed ? Optional.of(PACKED_AT) : Optional.empty(),
                at(ShipmentStatus.PICKED_UP, 600), at(ShipmentStatus.DELIVERED, 7000), at(ShipmentStatus.RECEIVED, 7200),
                status.ordinal() + 1L, units, handovers);
    }

    private Optional<Instant> at(ShipmentStatus reached, long secondsAfterPacking) {
        return status.compareTo(reached) >= 0 ? Optional.of(PACKED_AT.plusSeconds(secondsAfterPacking))
                : Optional.empty();
    }
}
