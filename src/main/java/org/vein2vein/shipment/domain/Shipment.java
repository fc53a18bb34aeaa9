package org.vein2vein.shipment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.vein2vein.product.domain.TemperatureClass;

/**
 * A shipment of units of one or more batches from one site to another, in one shipper, and the
 * handovers of its custody along the way. Its id is the service's; a courier's tracking number is
 * only an attribute (couriers reuse them).
 *
 * @param custodian the organisation holding it: the origin's until the courier accepts it, the
 *                  destination's once received
 * @param version   counts its transitions from 1 (planned): its ETag, and the sequence of its events
 */
public record Shipment(String id, String originSite, String destinationSite, String courier, String shipperId,
        Optional<String> trackingNumber, TemperatureClass temperatureClass, Leg leg, ShipmentStatus status,
        String custodian, Instant plannedPickupAt, Instant plannedArrivalAt, Optional<Instant> outOfStorageSince,
        Optional<Instant> packedAt, Optional<Instant> pickedUpAt, Optional<Instant> deliveredAt,
        Optional<Instant> receivedAt, long version, List<UnitOnBoard> units, List<Handover> handovers) {

    public Shipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(temperatureClass, "temperatureClass");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(status, "status");
        units = List.copyOf(units);
        handovers = List.copyOf(handovers);
    }

    /** The handover waiting for its receiving side, if one is. */
    public Optional<Handover> pendingHandover() {
        return handovers.stream().filter(Handover::isPending).findFirst();
    }

    /** The COIs of the batches on board, in order. */
    public Set<String> cois() {
        Set<String> cois = new TreeSet<>();
        units.forEach(unit -> cois.add(unit.coi()));
        return cois;
    }

    public Set<String> unitIds() {
        Set<String> ids = new TreeSet<>();
        units.forEach(unit -> ids.add(unit.unitId()));
        return ids;
    }

    /** The same shipment one event later, its status unchanged (an excursion in transit is such an event). */
    public Shipment afterAnEvent() {
        return new Shipment(id, originSite, destinationSite, courier, shipperId, trackingNumber, temperatureClass, leg,
                status, custodian, plannedPickupAt, plannedArrivalAt, outOfStorageSince, packedAt, pickedUpAt,
                deliveredAt, receivedAt, version + 1, units, handovers);
    }

    /** The number the next handover takes. */
    public int nextHandoverNumber() {
        return handovers.size() + 1;
    }
}
