package org.vein2vein.shipment.temperature.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

import org.vein2vein.shipment.temperature.domain.TemperatureRange;

/**
 * Plain JDBC on the connection of the current persistence context, so that readings are written and read
 * in the request's transaction without an entity per reading.
 */
final class Jdbc {

    /** Beyond what numeric(5, 2) holds: the bound of a side of a range that has none. */
    private static final BigDecimal BELOW_ANY = new BigDecimal("-1000");
    private static final BigDecimal ABOVE_ANY = new BigDecimal("1000");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Jdbc() {
    }

    static <T> T run(EntityManager entityManager, ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Binds the range's bounds, for {@code celsius between ? and ?}. */
    static void setRange(PreparedStatement statement, int index, TemperatureRange range) throws SQLException {
        statement.setBigDecimal(index, range.lowest().orElse(BELOW_ANY));
        statement.setBigDecimal(index + 1, range.highest().orElse(ABOVE_ANY));
    }

    /** Seconds, as {@code extract(epoch from interval)} gives them (to the microsecond), as a duration. */
    static Duration seconds(BigDecimal seconds) {
        return Duration.ofNanos(seconds.multiply(NANOS_PER_SECOND).longValueExact());
    }
}
