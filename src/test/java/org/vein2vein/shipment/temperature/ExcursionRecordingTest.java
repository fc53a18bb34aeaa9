package org.vein2vein.shipment.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vein2vein.shipment.temperature.Shipments.reading;
import static org.vein2vein.shipment.temperature.Shipments.uploadOf;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Database;

/**
 * Excursions are found as readings are stored, in the same transaction, and recorded once: readings within
 * the stabilisation period never count, a run continued by a later upload or a filled gap extends the
 * excursion recorded, and readings sent again or sent with another value record nothing.
 */
@QuarkusTest
class ExcursionRecordingTest {

    private final Instant packedAt = Shipments.packingTime();
    private final String courier = Shipments.courier();

    @Test
    void aRunOutsideTheClassAfterStabilisationIsRecordedOnceAndItsReplayRecordsNothing() {
        String logger1 = Shipments.newLogger("LOG-X-1");
        String shipment = Shipments.packed(packedAt);
        String body = uploadOf(logger1, reading(packedAt, 0, 0, "-100.00"), reading(packedAt, 14, 59, "-120.00"),
                reading(packedAt, 20, 0, "-185.00"), reading(packedAt, 21, 0, "-140.00"),
                reading(packedAt, 22, 0, "-130.00"), reading(packedAt, 23, 0, "-185.00"));

        Shipments.upload(courier, shipment, body).then().statusCode(200).body("excursionsDetected", equalTo(1));
        Shipments.upload(courier, shipment, body).then().statusCode(200).body("excursionsDetected", equalTo(0))
                .body("duplicates", equalTo(6));

        assertThat(recorded(shipment)).containsExactly("LOG-X-1 21-22 -130.00");
    }

    @Test
    void aRunContinuedByTheNextUploadIsOneExcursionExtended() {
        String logger2 = Shipments.newLogger("LOG-X-2");
        String shipment = Shipments.packed(packedAt);
        Shipments.upload(courier, shipment, uploadOf(logger2, reading(packedAt, 20, 0, "-185.00"),
                reading(packedAt, 21, 0, "-140.00"))).then().statusCode(200).body("excursionsDetected", equalTo(1));
        assertThat(recorded(shipment)).containsExactly("LOG-X-2 21-21 -140.00");

        Shipments.upload(courier, shipment, uploadOf(logger2, reading(packedAt, 22, 0, "-120.00"),
                reading(packedAt, 23, 0, "-185.00"))).then().statusCode(200).body("excursionsDetected", equalTo(0));

        assertThat(recorded(shipment)).containsExactly("LOG-X-2 21-22 -120.00");
    }

    @Test
    void aFilledGapExtendsTheExcursionItJoins() {
        String logger3 = Shipments.newLogger("LOG-X-3");
        String shipment = Shipments.packed(packedAt);
        Shipments.upload(courier, shipment, uploadOf(logger3, reading(packedAt, 20, 0, "-185.00"),
                reading(packedAt, 22, 0, "-140.00"), reading(packedAt, 24, 0, "-185.00"))).then().statusCode(200)
                .body("excursionsDetected", equalTo(1));

        Shipments.upload(courier, shipment, uploadOf(logger3, reading(packedAt, 21, 0, "-135.00"),
                reading(packedAt, 23, 0, "-145.00"))).then().statusCode(200).body("excursionsDetected", equalTo(0));

        assertThat(recorded(shipment)).containsExactly("LOG-X-3 21-23 -135.00");
    }

    @Test
    void aReadingWithinTheClassBetweenUploadsSeparatesTwoExcursions() {
        String logger4 = Shipments.newLogger("LOG-X-4");
        String shipment = Shipments.packed(packedAt);
        Shipments.upload(courier, shipment, uploadOf(logger4, reading(packedAt, 20, 0, "-140.00"),
                reading(packedAt, 21, 0, "-185.00"))).then().statusCode(200);

        Shipments.upload(courier, shipment, uploadOf(logger4, reading(packedAt, 22, 0, "-130.00")))
                .then().statusCode(200).body("excursionsDetected", equalTo(1));

        assertThat(recorded(shipment)).containsExactly("LOG-X-4 20-20 -140.00", "LOG-X-4 22-22 -130.00");
    }

    @Test
    void aValueSentAgainDifferentlyRecordsNothing() {
        String logger5 = Shipments.newLogger("LOG-X-5");
        String shipment = Shipments.packed(packedAt);
        Shipments.upload(courier, shipment, uploadOf(logger5, reading(packedAt, 20, 0, "-185.00"),
                reading(packedAt, 21, 0, "-185.00"))).then().statusCode(200);

        Shipments.upload(courier, shipment, uploadOf(logger5, reading(packedAt, 21, 0, "-100.00")))
                .then().statusCode(200).body("conflicting", equalTo(1)).body("excursionsDetected", equalTo(0));

        assertThat(recorded(shipment)).isEmpty();
    }

    @Test
    void eachLoggerHasItsOwnExcursions() {
        String logger7 = Shipments.newLogger("LOG-X-7");
        String logger6 = Shipments.newLogger("LOG-X-6");
        String shipment = Shipments.insert("PICKED_UP", Shipments.FRESH, packedAt, null);
        Shipments.upload(courier, shipment, uploadOf(logger6, reading(packedAt, 20, 0, "5.00"),
                reading(packedAt, 21, 0, "9.50"), reading(packedAt, 22, 0, "8.00"))).then().statusCode(200)
                .body("excursionsDetected", equalTo(1));
        Shipments.upload(courier, shipment, uploadOf(logger7, reading(packedAt, 21, 0, "1.99"),
                reading(packedAt, 22, 0, "2.00"))).then().statusCode(200).body("excursionsDetected", equalTo(1));

        assertThat(recorded(shipment)).containsExactly("LOG-X-6 21-21 9.50", "LOG-X-7 21-21 1.99");
        assertThat(Shipments.summary(Shipments.qa(), shipment).then().statusCode(200).extract().path("totalExcursions")
                .toString()).isEqualTo("2");
    }

    /**
     * The shipment's recorded excursions: logger (without the suffix that makes it the test's own), first and
     * last minute after packing, extreme.
     */
    private List<String> recorded(String shipment) {
        List<String> excursions = new ArrayList<>();
        try (Connection connection = Database.connect(); PreparedStatement query = connection.prepareStatement(
                "select logger_id, started_at, ended_at, extreme_celsius from temperature_excursion "
                        + "where shipment_id = ? order by logger_id, started_at")) {
            query.setString(1, shipment);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    BigDecimal extreme = rows.getBigDecimal(4);
                    String logger = rows.getString(1);
                    excursions.add(logger.substring(0, logger.lastIndexOf('-')) + " "
                            + minute(rows.getTimestamp(2).toInstant()) + "-" + minute(rows.getTimestamp(3).toInstant())
                            + " " + extreme.toPlainString());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return excursions;
    }

    private long minute(Instant at) {
        return (at.getEpochSecond() - packedAt.getEpochSecond()) / 60;
    }
}
