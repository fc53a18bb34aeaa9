package org.vein2vein.shipment.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.vein2vein.shipment.temperature.Shipments.reading;
import static org.vein2vein.shipment.temperature.Shipments.uploadOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bad uploads and queries are answered with a 4xx problem, and nothing is stored. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID = "urn:vein2vein:problem:invalid-request";

    private final Instant packedAt = Shipments.packingTime();
    private String shipment;

    /** Made for each test, once the service answers (a shipment carries a unit, registered through the API). */
    @org.junit.jupiter.api.BeforeEach
    void packShipment() {
        shipment = Shipments.packed(packedAt);
    }
    private final String courier = Shipments.courier();

    @Test
    void readingsOutOfTimeOrderOrAtOneTimeAreRefusedEachNamed() {
        String logger = Shipments.newLogger("LOG-B-1");
        refused(uploadOf(logger, reading(packedAt, 20, 0, "-185"), reading(packedAt, 19, 0, "-185"),
                reading(packedAt, 21, 0, "-185"), reading(packedAt, 21, 0, "-185")))
                .body("detail", equalTo("2 fields are not valid."))
                .body("violations.field", equalTo(List.of("readings[1].at", "readings[3].at")))
                .body("violations.message", hasItem("must be later than the reading before it"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e999999999", "-1e999999999", "1e-999999999", "-273.16", "100.01", "20.125",
            "\"-185\"", "null", "true", "[1]", "{\"value\": 1}" })
    void aTemperatureThatIsNoneALoggerReadsIsRefused(String celsius) {
        String logger = Shipments.newLogger("LOG-B-2");
        refused(uploadOf(logger, reading(packedAt, 20, 0, "-185"), reading(packedAt, 21, 0, celsius)))
                .body("violations[0].field", equalTo("readings[1].celsius"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "NaN", "Infinity", "-Infinity", "+1", "0x10", "1." })
    void aNumberJsonDoesNotKnowIsRefusedAsTheRestOfTheApiRefusesIt(String celsius) {
        String logger = Shipments.newLogger("LOG-B-3");
        refused(uploadOf(logger, reading(packedAt, 20, 0, celsius)))
                .body("violations[0].field", equalTo("readings"))
                .body("violations[0].message", equalTo("has a value that cannot be read"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"2026-11-25\"", "\"yesterday\"", "\"1999-12-31T23:59:59Z\"", "1764065700",
            "\"2026-11-25T10:15:00.123456789Z\"" })
    void aTimeThatIsNoInstantOrFinerThanAMicrosecondIsRefused(String at) {
        refused("{\"loggerId\":\"LOG-B-4\",\"readings\":[{\"at\":" + at + ",\"celsius\":-185}]}")
                .body("violations[0].field", equalTo("readings[0].at"));
    }

    @Test
    void aReadingOfAnotherShapeIsRefused() {
        refused("{\"loggerId\":\"LOG-B-5\",\"readings\":[{\"at\":\"" + packedAt.plusSeconds(1_200) + "\"}, 7, "
                + "{\"at\":\"" + packedAt.plusSeconds(1_260) + "\",\"celsius\":-185,\"" + "x".repeat(5_000)
                + "\":1}]}")
                .body("violations.field", equalTo(List.of("readings[0].celsius", "readings[1]", "readings[2]")))
                .body("violations[0].message", equalTo("is required"));
    }

    @Test
    void moreThanTenThousandReadingsAreRefusedBeforeAnyIsRead() {
        String logger = Shipments.newLogger("LOG-B-6");
        refused(Shipments.steady(logger, packedAt.plusSeconds(1_200), 10_001, 1, "-185"))
                .body("violations[0].field", equalTo("readings"))
                .body("violations[0].message", equalTo("must list 1 to 10000 readings"));
    }

    @Test
    void anUploadWithoutReadingsOrLoggerIsRefused() {
        refused("{\"loggerId\":\"LOG-B-7\",\"readings\":[]}").body("violations[0].field", equalTo("readings"));
        refused("{\"loggerId\":\"LOG-B-7\",\"readings\":{}}").body("violations[0].field", equalTo("readings"));
        refused("{\"loggerId\":\"LOG-B-7\"}").body("violations[0].field", equalTo("readings"));
        refused("{\"readings\":[{\"at\":\"" + packedAt.plusSeconds(1_200) + "\",\"celsius\":-185}]}")
                .body("violations[0].field", equalTo("loggerId"));
        refused(uploadOf("LOG 1; drop table", reading(packedAt, 20, 0, "-185")))
                .body("violations[0].field", equalTo("loggerId"));
        refused("{\"loggerId\":\"LOG-B-7\",\"readings\":[],\"shipmentId\":\"SHP-000000000000\"}");
    }

    @Test
    void manyBrokenReadingsAreCountedAndTheFirstTwentyListed() {
        String logger = Shipments.newLogger("LOG-B-8");
        List<String> readings = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            readings.add(reading(packedAt, 20 + i, 0, "500"));
        }
        refused(uploadOf(logger, readings.toArray(String[]::new))).body("totalViolations", equalTo(50))
                .body("violations.size()", equalTo(20));
    }

    @ParameterizedTest
    @ValueSource(strings = { "?every=PT30S", "?every=P2D", "?every=PT5M30.5S", "?every=five", "?every=-PT5M",
            "?from=yesterday", "?to=2026-11-25", "?from=2100-01-02T00:00:00Z", "?limit=0", "?limit=1001",
            "?limit=ten", "?cursor=%25%25", "?cursor=bm90LWEtY3Vyc29y" })
    void aBadQueryIsRefusedNamingItsParameter(String query) {
        Shipments.read(Shipments.qa(), shipment, query).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(INVALID))
                .body("violations[0].field", equalTo("query." + query.substring(1, query.indexOf('='))));
    }

    @Test
    void fromMustComeBeforeTo() {
        String query = "?from=" + packedAt.plusSeconds(3_600) + "&to=" + packedAt;
        Shipments.read(Shipments.qa(), shipment, query).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("query.from"))
                .body("violations[0].message", equalTo("must be earlier than to"));
        Shipments.read(Shipments.qa(), shipment, "?from=" + packedAt + "&to=" + packedAt).then().statusCode(400);
    }

    @Test
    void aPathThatNamesNoShipmentIsRefused() {
        String logger = Shipments.newLogger("LOG-B-9");
        Shipments.summary(Shipments.qa(), "SHP-lower-case1").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("path.id"));
        Shipments.upload(courier, "SHIPMENT-1", uploadOf(logger, reading(packedAt, 20, 0, "-185")))
                .then().statusCode(400).body("violations[0].field", startsWith("path.id"));
    }

    private ValidatableResponse refused(String body) {
        return refused(body, INVALID);
    }

    private ValidatableResponse refused(String body, String type) {
        ValidatableResponse refusal = Shipments.upload(courier, shipment, body).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo(type));
        assertThat(Shipments.storedReadings(shipment)).isZero();
        assertThat(Shipments.excursions(shipment)).isZero();
        return refusal;
    }
}
