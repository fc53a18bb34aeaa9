package org.vein2vein.shipment.temperature.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipment.domain.ShipmentStatus;

/** What the temperature readings of a shipment need to know of it: its parties, its class and its times. */
public record MonitoredShipment(String id, ShipmentStatus status, String originSite, String destinationSite,
        String courier, TemperatureClass temperatureClass, Optional<Instant> packedAt, Optional<Instant> receivedAt) {

    public MonitoredShipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(originSite, "originSite");
        Objects.requireNonNull(destinationSite, "destinationSite");
        Objects.requireNonNull(courier, "courier");
        Objects.requireNonNull(temperatureClass, "temperatureClass");
        Objects.requireNonNull(packedAt, "packedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public TransitWindow transitWindow(Instant now, Duration clockSkew) {
        return TransitWindow.of(status, packedAt, receivedAt, now, clockSkew);
    }

    /** How its readings are judged, once it is packed. */
    public Optional<ExcursionDetection> excursionDetection(Duration stabilisation) {
        return packedAt.map(packed -> new ExcursionDetection(temperatureClass, packed, stabilisation));
    }
}
