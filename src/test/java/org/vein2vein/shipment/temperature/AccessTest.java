package org.vein2vein.shipment.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vein2vein.shipment.temperature.Shipments.reading;
import static org.vein2vein.shipment.temperature.Shipments.uploadOf;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Who may upload and read a shipment's readings: its parties (the courier's logistics users, technicians of
 * the origin and the destination), and QA to read. Anyone else with a role that may call the operation is
 * answered exactly as if the shipment did not exist; a role that may not is refused.
 */
@QuarkusTest
class AccessTest {

    private final Instant packedAt = Shipments.packingTime();
    private String shipment;

    /** Made for each test, once the service answers (a shipment carries a unit, registered through the API). */
    @org.junit.jupiter.api.BeforeEach
    void packShipment() {
        shipment = Shipments.packed(packedAt);
    }

    @Test
    void theCourierAndTheTechniciansOfBothEndsUploadAndRead() {
        List<String> parties = List.of(Shipments.courier(), Shipments.technicianAt(Shipments.ORIGIN),
                Shipments.technicianAt(Shipments.DESTINATION));
        for (int i = 0; i < parties.size(); i++) {
            Shipments.upload(parties.get(i), shipment, body(20 + i)).then().statusCode(200).body("stored", equalTo(1));
            Shipments.read(parties.get(i), shipment, "").then().statusCode(200);
            Shipments.summary(parties.get(i), shipment).then().statusCode(200)
                    .body("overall.readings", equalTo(i + 1));
        }
    }

    @Test
    void qaReadsEveryShipmentButMayNotUpload() {
        Shipments.upload(Shipments.courier(), shipment, body(20)).then().statusCode(200);
        String qa = Shipments.qa();

        Shipments.read(qa, shipment, "").then().statusCode(200).body("readings.size()", equalTo(1));
        Shipments.summary(qa, shipment).then().statusCode(200).body("overall.readings", equalTo(1));
        Shipments.upload(qa, shipment, body(21)).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:forbidden"));

        assertThat(Shipments.storedReadings(shipment)).isEqualTo(1);
    }

    @Test
    void anotherCourierIsAnsweredAsIfTheShipmentDidNotExist() {
        assertAnsweredAsMissing(Shipments.otherCourier());
    }

    @Test
    void aTechnicianOfAnotherSiteIsAnsweredAsIfTheShipmentDidNotExist() {
        assertAnsweredAsMissing(Shipments.technicianAt("SITE-BRUX-02"));
    }

    @Test
    void anAdministratorMayNeitherUploadNorRead() {
        String admin = Shipments.admin();

        for (Response response : List.of(Shipments.upload(admin, shipment, body(20)),
                Shipments.read(admin, shipment, ""), Shipments.summary(admin, shipment))) {
            response.then().statusCode(403).body("type", equalTo("urn:vein2vein:problem:forbidden"));
        }
        assertThat(Shipments.storedReadings(shipment)).isZero();
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        RestAssured.given().contentType(ContentType.JSON).body(body(20))
                .post("/api/v1/shipments/{id}/temperature-readings", shipment).then().statusCode(401)
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
        RestAssured.given().get("/api/v1/shipments/{id}/temperature-summary", shipment).then().statusCode(401);
    }

    /** Each operation answers the stranger on this shipment as it answers anyone on a shipment that does not exist. */
    private void assertAnsweredAsMissing(String stranger) {
        String missing = Shipments.newId();
        String courier = Shipments.courier();
        List<BiFunction<String, String, Response>> operations = List.of(
                (token, id) -> Shipments.upload(token, id, body(20)),
                (token, id) -> Shipments.read(token, id, "?every=PT5M"),
                (token, id) -> Shipments.read(token, id, ""),
                Shipments::summary);
        for (BiFunction<String, String, Response> operation : operations) {
            JsonNode refused = Shipments.json(operation.apply(stranger, shipment).then().statusCode(404)
                    .contentType("application/problem+json").extract().response());
            JsonNode absent = Shipments.json(operation.apply(courier, missing).then().statusCode(404)
                    .extract().response());

            assertThat(refused.get("type").asText()).isEqualTo(Shipments.NOT_FOUND_TYPE);
            assertThat(refused.toString().replace(shipment, "{id}"))
                    .isEqualTo(absent.toString().replace(missing, "{id}"));
        }
        assertThat(Shipments.storedReadings(shipment)).isZero();
    }

    private String body(int minute) {
        return uploadOf(Shipments.newLogger("LOG-A"), reading(packedAt, minute, 0, "-185.00"));
    }
}
