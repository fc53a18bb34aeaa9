package org.vein2vein.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vein2vein.testing.StageSamples.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.Tokens;

/**
 * Every shipment endpoint with every kind of caller: who may read, who may act, and that a shipment
 * a caller may not see is answered exactly like a missing one. Callers allowed to act are sent a
 * request the shipment's state refuses (or an invalid one), so the matrix changes nothing; it checks
 * that such a caller gets past authorisation, and that nothing is written for anyone.
 */
@QuarkusTest
class ShipmentAccessMatrixTest {

    private static final String OTHER_COURIER = "OTHER-COURIER";

    private static String shipment;
    private static String unit;

    /** A shipment planned from the collection site to manufacturing, with the courier of the tests: once. */
    private static synchronized void planShipment() {
        if (shipment != null) {
            return;
        }
        String coi = Api.registerAutologous("PSN-MATRIX-" + System.nanoTime() % 100_000);
        Api.advance(coi, "COLLECTED", Instant.now().minusSeconds(100));
        unit = Shipping.materialOf(coi).get(0);
        shipment = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C", List.of(unit))
                .statusCode(201).extract().path("id");
    }

    enum Caller {
        NONE(() -> null),
        ADMIN(Tokens::admin),
        QA(Tokens::qa),
        TECHNICIAN_OF_ORIGIN(() -> Tokens.technicianAt(List.of(Shipping.TREATMENT))),
        TECHNICIAN_OF_DESTINATION(() -> Tokens.technicianAt(List.of(Shipping.MANUFACTURING))),
        TECHNICIAN_ELSEWHERE(() -> Tokens.technicianAt(List.of("SITE-BRUX-02"))),
        COURIER(Tokens::logistics),
        FOREIGN_COURIER(() -> Tokens.token("other-courier", "logistics", OTHER_COURIER, List.of()));

        /** Made when first used: the signing key exists once the test infrastructure runs. */
        private final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }

        RequestSpecification request() {
            RequestSpecification request = RestAssured.given();
            String bearer = token.get();
            return bearer == null ? request : request.auth().oauth2(bearer);
        }
    }

    /** An endpoint, called with a request that cannot change the planned shipment. */
    record Endpoint(String name, Function<Caller, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Endpoint> endpoints() {
        String now = Instant.now().toString();
        return List.of(
                // From the shipment on, one item: it is listed exactly when the caller may see it, however many exist.
                new Endpoint("GET /shipments", caller -> caller.request().queryParam("fromId", shipment)
                        .queryParam("limit", 1).get("/api/v1/shipments")),
                new Endpoint("GET /shipments/{id}", caller -> caller.request().get("/api/v1/shipments/{id}", shipment)),
                // A second plan of the same unit: refused as on another open shipment, once authorised.
                new Endpoint("POST /shipments", caller -> json(caller).body(map("originSite", Shipping.TREATMENT,
                        "destinationSite", Shipping.MANUFACTURING, "courier", Shipping.COURIER, "shipperId", "CB-0042",
                        "temperatureClass", "FRESH_2_TO_8_C", "plannedPickupAt", now, "plannedArrivalAt", now,
                        "unitIds", List.of(unit))).post("/api/v1/shipments")),
                // Out of storage after packing: invalid once authorised.
                new Endpoint("POST packing", caller -> json(caller).body(map("packedAt", now, "outOfStorageSince",
                        Instant.now().plusSeconds(60).toString())).post("/api/v1/shipments/{id}/packing", shipment)),
                // A planned shipment is not handed over yet.
                new Endpoint("POST handovers", caller -> json(caller).body(map("occurredAt", now, "toOrganisation",
                        Shipping.COURIER)).post("/api/v1/shipments/{id}/handovers", shipment)),
                new Endpoint("POST acceptance", caller -> json(caller).body(map("occurredAt", now, "condition",
                        "INTACT")).post("/api/v1/shipments/{id}/handovers/1/acceptance", shipment)),
                // Nothing was delivered yet.
                new Endpoint("POST receipt", caller -> json(caller).body(map("occurredAt", now, "condition", "INTACT",
                        "temperatureOnArrivalC", 4.0, "units", List.of(map("unitId", unit, "identityCheck",
                                map("scannedCoi", "V2VAAAAAAAAAAA", "witness", "op-witness-2")))))
                        .post("/api/v1/shipments/{id}/receipt", shipment)));
    }

    /** What each caller gets from each endpoint, in the order of {@link #endpoints()}. */
    private static final Map<Caller, List<Integer>> EXPECTED = Map.of(
            Caller.NONE, List.of(401, 401, 401, 401, 401, 401, 401),
            Caller.ADMIN, List.of(403, 403, 403, 403, 403, 403, 403),
            Caller.QA, List.of(200, 200, 403, 403, 403, 403, 403),
            Caller.TECHNICIAN_OF_ORIGIN, List.of(200, 200, 409, 400, 409, 403, 403),
            Caller.TECHNICIAN_OF_DESTINATION, List.of(200, 200, 403, 403, 409, 403, 409),
            Caller.TECHNICIAN_ELSEWHERE, List.of(200, 404, 403, 404, 404, 403, 404),
            Caller.COURIER, List.of(200, 200, 403, 403, 409, 409, 403),
            Caller.FOREIGN_COURIER, List.of(200, 404, 403, 403, 404, 404, 403));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        List<Endpoint> endpoints = endpoints();
        for (Caller caller : Caller.values()) {
            for (int i = 0; i < endpoints.size(); i++) {
                cases.add(Arguments.of(caller, endpoints.get(i), EXPECTED.get(caller).get(i)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("matrix")
    void eachCallerGetsWhatItsRoleAndOrganisationAllowAndNothingIsWritten(Caller caller, Endpoint endpoint,
            int expected) {
        planShipment();
        Response response = endpoint.call().apply(caller);

        assertThat(response.statusCode()).as(caller + " " + endpoint).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        if (expected == 404) {
            // Exactly the answer for a shipment that does not exist.
            assertThat(response.jsonPath().getString("type")).endsWith("shipment-not-found");
            assertThat(response.jsonPath().getString("detail")).isEqualTo("No shipment has this id.");
        }
        Api.as(Tokens.qa()).get("/api/v1/shipments/{id}", shipment).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PLANNED"))
                .body("version", org.hamcrest.Matchers.equalTo(1));
        if (endpoint.name().equals("GET /shipments") && expected == 200) {
            boolean listed = response.jsonPath().getList("items.id").contains(shipment);
            assertThat(listed).as("listed for " + caller).isEqualTo(caller != Caller.TECHNICIAN_ELSEWHERE
                    && caller != Caller.FOREIGN_COURIER);
        }
    }

    private static RequestSpecification json(Caller caller) {
        return caller.request().contentType(ContentType.JSON);
    }
}
