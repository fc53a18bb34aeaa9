package org.vein2vein.shipment.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vein2vein.shipment.temperature.Shipments.reading;
import static org.vein2vein.shipment.temperature.Shipments.uploadOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.vein2vein.testing.Api;

/**
 * What an upload's readings become: stored, duplicates, conflicting (the first value stays) or outside the
 * shipment's transit; the answer counts each.
 */
@QuarkusTest
class UploadTest {

    private final Instant packedAt = Shipments.packingTime();

    @Test
    void readingsSentAgainAreDuplicatesAndAnotherValueAtTheSameTimeConflictsAndIsNotStored() {
        String shipment = Shipments.packed(packedAt);
        String courier = Shipments.courier();
        String logger = Shipments.newLogger("LOG-U-1");
        Shipments.upload(courier, shipment, uploadOf(logger, reading(packedAt, 20, 0, "-185.00"),
                reading(packedAt, 21, 0, "-184.50"), reading(packedAt, 22, 0, "-184"))).then().statusCode(200)
                .contentType(ContentType.JSON).body("shipmentId", equalTo(shipment))
                .body("loggerId", equalTo(logger)).body("received", equalTo(3)).body("stored", equalTo(3))
                .body("duplicates", equalTo(0)).body("conflicting", equalTo(0)).body("outsideTransit", equalTo(0))
                .body("excursionsDetected", equalTo(0));

        Shipments.upload(courier, shipment, uploadOf(logger, reading(packedAt, 21, 0, "-184.5"),
                reading(packedAt, 22, 0, "-183.00"), reading(packedAt, 23, 0, "-183.50"))).then().statusCode(200)
                .body("received", equalTo(3)).body("stored", equalTo(1)).body("duplicates", equalTo(1))
                .body("conflicting", equalTo(1)).body("outsideTransit", equalTo(0));

        assertThat(Shipments.storedReadings(shipment)).isEqualTo(4);
        JsonNode stored = Shipments.json(Shipments.read(Shipments.qa(), shipment, "").then().statusCode(200)
                .extract().response());
        assertThat(stored.at("/readings/2/celsius").decimalValue()).isEqualByComparingTo("-184.00");
        assertThat(stored.at("/readings/3/celsius").decimalValue()).isEqualByComparingTo("-183.50");
    }

    @Test
    void aLoggersReadingStoredForAnotherShipmentConflicts() {
        String logger = Shipments.newLogger("LOG-U-2");
        String first = Shipments.packed(packedAt);
        String second = Shipments.packed(packedAt);
        String courier = Shipments.courier();
        String body = uploadOf(logger, reading(packedAt, 30, 0, "-180.00"));
        Shipments.upload(courier, first, body).then().statusCode(200).body("stored", equalTo(1));

        Shipments.upload(courier, second, body).then().statusCode(200).body("stored", equalTo(0))
                .body("duplicates", equalTo(0)).body("conflicting", equalTo(1));

        assertThat(Shipments.storedReadings(second)).isZero();
    }

    @Test
    void readingsBeforePackingOrInTheFutureAreOutsideTransitAndNotStored() {
        String logger = Shipments.newLogger("LOG-U-3");
        String shipment = Shipments.packed(packedAt);
        Instant future = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);

        Shipments.upload(Shipments.courier(), shipment, uploadOf(logger, reading(packedAt, -1, 0, "-20.00"),
                reading(packedAt, 0, 0, "-30.00"), reading(packedAt, 1, 0, "-60.00"), reading(future, 0, 0, "-185")))
                .then().statusCode(200).body("received", equalTo(4)).body("stored", equalTo(2))
                .body("outsideTransit", equalTo(2));

        assertThat(Shipments.storedReadings(shipment)).isEqualTo(2);
    }

    @Test
    void aPlannedShipmentKeepsNoReadingsAndSaysSo() {
        String logger = Shipments.newLogger("LOG-U-4");
        String shipment = Shipments.insert("PLANNED", Shipments.CRYO, null, null);

        Shipments.upload(Shipments.courier(), shipment, uploadOf(logger, reading(packedAt, 0, 0, "-185.00"),
                reading(packedAt, 1, 0, "-185.00"))).then().statusCode(200).body("received", equalTo(2))
                .body("stored", equalTo(0)).body("outsideTransit", equalTo(2));

        assertThat(Shipments.storedReadings(shipment)).isZero();
    }

    @Test
    void aReceivedShipmentKeepsTheReadingsDatedUpToItsReceipt() {
        String logger = Shipments.newLogger("LOG-U-5");
        Instant receivedAt = packedAt.plusSeconds(3_600);
        String shipment = Shipments.insert("RECEIVED", Shipments.CRYO, packedAt, receivedAt);

        Shipments.upload(Shipments.technicianAt(Shipments.DESTINATION), shipment, uploadOf(logger,
                reading(receivedAt, -1, 0, "-185.00"), reading(receivedAt, 0, 0, "-184.00"),
                reading(receivedAt, 0, 1, "-20.00"))).then().statusCode(200).body("stored", equalTo(2))
                .body("outsideTransit", equalTo(1));
    }

    @Test
    void withAnIdempotencyKeyARetryIsAnsweredWithTheFirstAnswer() {
        String logger = Shipments.newLogger("LOG-U-6");
        String shipment = Shipments.packed(packedAt);
        String courier = Shipments.courier();
        String key = UUID.randomUUID().toString();
        String body = uploadOf(logger, reading(packedAt, 20, 0, "-185.00"), reading(packedAt, 21, 0, "-185.00"));
        String first = Api.as(courier).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/shipments/{id}/temperature-readings", shipment).then().statusCode(200)
                .body("stored", equalTo(2)).extract().asString();

        Api.as(courier).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/shipments/{id}/temperature-readings", shipment).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body(equalTo(first));
        Shipments.upload(courier, shipment, body).then().statusCode(200).body("stored", equalTo(0))
                .body("duplicates", equalTo(2));

        assertThat(Shipments.storedReadings(shipment)).isEqualTo(2);
    }

    @Test
    void temperaturesAreStoredToTheHundredthAsSent() {
        String logger = Shipments.newLogger("LOG-U-7");
        String shipment = Shipments.packed(packedAt);
        Shipments.upload(Shipments.courier(), shipment, uploadOf(logger, reading(packedAt, 20, 0, "-273.15"),
                reading(packedAt, 21, 0, "100"), reading(packedAt, 22, 0, "-1.5E+2"))).then().statusCode(200)
                .body("stored", equalTo(3));

        JsonNode stored = Shipments.json(Shipments.read(Shipments.qa(), shipment, "").then().statusCode(200)
                .extract().response());
        assertThat(stored.at("/readings").findValues("celsius")).extracting(JsonNode::decimalValue)
                .containsExactly(new BigDecimal("-273.15"), new BigDecimal("100.00"), new BigDecimal("-150.00"));
    }
}
