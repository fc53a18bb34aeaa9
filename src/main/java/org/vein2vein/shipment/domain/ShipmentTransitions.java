package org.vein2vein.shipment.domain;

import java.util.List;
import java.util.Set;

/**
 * A shipment moves through its statuses in order and none is skipped: packed once planned, picked up
 * once the courier accepted it from the origin, delivered once the courier released it to the
 * destination, received once the destination accepted it.
 */
public final class ShipmentTransitions {

    /** What may be done to a shipment, and at which statuses. */
    public enum Action {
        PACK(Set.of(ShipmentStatus.PLANNED)),
        /** Only before packing: once packed, the batches on board are shipped, and the shipment goes on. */
        CANCEL(Set.of(ShipmentStatus.PLANNED)),
        RELEASE(Set.of(ShipmentStatus.PACKED, ShipmentStatus.PICKED_UP)),
        ACCEPT(Set.of(ShipmentStatus.PACKED, ShipmentStatus.PICKED_UP)),
        RECEIVE(Set.of(ShipmentStatus.DELIVERED)),
        UPLOAD_READINGS(Set.of(ShipmentStatus.PACKED, ShipmentStatus.PICKED_UP, ShipmentStatus.DELIVERED));

        private final Set<ShipmentStatus> allowedAt;

        Action(Set<ShipmentStatus> allowedAt) {
            this.allowedAt = allowedAt;
        }
    }

    private ShipmentTransitions() {
    }

    /** @throws ShipmentRefusedException when the shipment's status does not allow the action */
    public static void require(Shipment shipment, Action action) {
        if (!action.allowedAt.contains(shipment.status())) {
            throw new ShipmentRefusedException(ShipmentRefusal.of(ShipmentRefusal.Kind.OUT_OF_ORDER, "Shipment "
                    + shipment.id() + " is " + shipment.status() + ": " + action + " is allowed only when it is "
                    + action.allowedAt.stream().sorted().toList() + ".")
                    .with("shipmentStatus", shipment.status())
                    .with("allowedAt", List.copyOf(action.allowedAt.stream().sorted().toList())));
        }
    }
}
