package org.vein2vein.shipment.temperature.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.vein2vein.shipment.temperature.domain.Excursion;
import org.vein2vein.shipment.temperature.domain.RecordedExcursion;

/** Table {@code temperature_excursion}: each excursion of a shipment, recorded once. */
@ApplicationScoped
public class ExcursionStore {

    private static final String COLUMNS = "id, logger_id, started_at, ended_at, extreme_celsius, detected_at";

    private final EntityManager entityManager;

    public ExcursionStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The logger's recorded excursions that share a moment with {@code from} to {@code to}, oldest first. */
    public List<RecordedExcursion> overlapping(String shipmentId, String loggerId, Instant from, Instant to) {
        return Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                    + " from temperature_excursion where shipment_id = ? and logger_id = ? and started_at <= ?"
                    + " and ended_at >= ? order by started_at")) {
                statement.setString(1, shipmentId);
                statement.setString(2, loggerId);
                Jdbc.setInstant(statement, 3, to);
                Jdbc.setInstant(statement, 4, from);
                return read(statement);
            }
        });
    }

    public void record(String shipmentId, String loggerId, Excursion excursion, Instant detectedAt) {
        Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("insert into temperature_excursion "
                    + "(shipment_id, logger_id, started_at, ended_at, extreme_celsius, detected_at) "
                    + "values (?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, shipmentId);
                statement.setString(2, loggerId);
                Jdbc.setInstant(statement, 3, excursion.from());
                Jdbc.setInstant(statement, 4, excursion.to());
                statement.setBigDecimal(5, excursion.extremeCelsius());
                Jdbc.setInstant(statement, 6, detectedAt);
                return statement.executeUpdate();
            }
        });
    }

    /** Gives the recorded excursion the extent and extreme found now; when it was first found stays. */
    public void extend(long id, Excursion excursion) {
        Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("update temperature_excursion "
                    + "set started_at = ?, ended_at = ?, extreme_celsius = ? where id = ?")) {
                Jdbc.setInstant(statement, 1, excursion.from());
                Jdbc.setInstant(statement, 2, excursion.to());
                statement.setBigDecimal(3, excursion.extremeCelsius());
                statement.setLong(4, id);
                return statement.executeUpdate();
            }
        });
    }

    /** Up to {@code limit} of the shipment's excursions, in the order they started. */
    public List<RecordedExcursion> list(String shipmentId, int limit) {
        return Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                    + " from temperature_excursion where shipment_id = ? order by started_at, logger_id limit ?")) {
                statement.setString(1, shipmentId);
                statement.setInt(2, limit);
                return read(statement);
            }
        });
    }

    public long count(String shipmentId) {
        return Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select count(*) from temperature_excursion where shipment_id = ?")) {
                statement.setString(1, shipmentId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private static List<RecordedExcursion> read(PreparedStatement statement) throws SQLException {
        List<RecordedExcursion> excursions = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                excursions.add(new RecordedExcursion(rows.getLong(1), rows.getString(2),
                        new Excursion(Jdbc.instant(rows, 3), Jdbc.instant(rows, 4), rows.getBigDecimal(5)),
                        Jdbc.instant(rows, 6)));
            }
        }
        return excursions;
    }
}
