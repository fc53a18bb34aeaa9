package org.vein2vein.shipment.temperature.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.vein2vein.shipment.domain.ShipmentStatus;

/**
 * The readings a shipment keeps are those dated while it travelled: from packing to receipt, both
 * included, or, while it still travels, to now plus the clock skew devices may have. A logger records
 * before packing and after receipt too; those readings are none of the shipment's, and a shipment not yet
 * packed keeps none.
 */
public final class TransitWindow {

    private final Instant from;
    private final Instant to;

    private TransitWindow(Instant from, Instant to) {
        this.from = from;
        this.to = to;
    }

    /**
     * @param packedAt   when the shipment was packed; empty while it is planned
     * @param receivedAt when the destination received it; empty until then
     */
    public static TransitWindow of(ShipmentStatus status, Optional<Instant> packedAt, Optional<Instant> receivedAt,
            Instant now, Duration clockSkew) {
        if (status == ShipmentStatus.PLANNED || packedAt.isEmpty()) {
            return new TransitWindow(null, null);
        }
        return new TransitWindow(packedAt.get(), status == ShipmentStatus.RECEIVED && receivedAt.isPresent()
                ? receivedAt.get() : now.plus(clockSkew));
    }

    public boolean contains(Instant at) {
        return from != null && !at.isBefore(from) && !at.isAfter(to);
    }
}
