package org.vein2vein.shipment.domain;

/** Where a shipment is in its lifecycle; each status follows the one before it, none is skipped. */
public enum ShipmentStatus {
    /** Booked with its units, which no other shipment may take; nothing has left storage yet. */
    PLANNED,
    /** The units left controlled storage and are in the shipper, still held by the origin. */
    PACKED,
    /** The courier accepted the shipment from the origin. */
    PICKED_UP,
    /** The courier released the shipment to the destination, which has not yet accepted it. */
    DELIVERED,
    /** The destination accepted the shipment: its units are there, in its custody. */
    RECEIVED,
    /** Called off before packing: its units never left, and may travel on another shipment. */
    CANCELLED;

    /** Open shipments hold their units: a unit is on at most one open shipment. */
    public boolean isOpen() {
        return this != RECEIVED && this != CANCELLED;
    }

    /** Temperature readings are expected from packing until receipt. */
    public boolean isMonitored() {
        return this == PACKED || this == PICKED_UP || this == DELIVERED;
    }
}
