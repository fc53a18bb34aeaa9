package org.vein2vein.shipment.temperature.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipment.domain.ShipmentStatus;
import org.vein2vein.shipment.temperature.domain.MonitoredShipment;

/** Reads what temperature readings need of a shipment from table {@code shipment}, which the shipment core writes. */
@ApplicationScoped
public class MonitoredShipments {

    private final EntityManager entityManager;

    public MonitoredShipments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<MonitoredShipment> find(String id) {
        return Jdbc.run(entityManager, connection -> {
            try (var statement = connection.prepareStatement("select status, origin_site, destination_site, courier, "
                    + "temperature_class, packed_at, received_at from shipment where id = ?")) {
                statement.setString(1, id);
                try (var rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new MonitoredShipment(id, ShipmentStatus.valueOf(rows.getString(1)),
                            rows.getString(2), rows.getString(3), rows.getString(4),
                            TemperatureClass.valueOf(rows.getString(5)), Optional.ofNullable(Jdbc.instant(rows, 6)),
                            Optional.ofNullable(Jdbc.instant(rows, 7))));
                }
            }
        });
    }

    /**
     * Takes the logger's lock until the transaction ends: uploads of one logger are stored and searched
     * for excursions one after the other, so that a run of readings split between two concurrent uploads
     * is still found as one excursion, and every count is exact.
     */
    public void lockLogger(String loggerId) {
        Jdbc.run(entityManager, connection -> {
            try (var statement = connection.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                statement.setString(1, "temperature-logger:" + loggerId);
                statement.executeQuery().close();
                return null;
            }
        });
    }
}
