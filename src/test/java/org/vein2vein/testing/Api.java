package org.vein2vein.testing;

import java.time.Instant;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls the API the way a lab system would, so tests read as the journey they describe. */
public final class Api {

    private Api() {
    }

    /** A request from the tests' default technician, who works at all {@link Tokens#TEST_SITES}. */
    public static RequestSpecification given() {
        return as(Tokens.technician());
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    public static ValidatableResponse register(String type, String subjectReference) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("type", type, "subjectReference", subjectReference, "productCode", "CART-GD2-AUTO",
                        "collectionSite", "SITE-LYON-01"))
                .post("/api/v1/batches")
                .then();
    }

    /** Registers an autologous batch and returns its COI. */
    public static String registerAutologous(String subjectReference) {
        return register("AUTOLOGOUS", subjectReference).statusCode(201).extract().path("coi");
    }

    public static ValidatableResponse logStep(String coi, String stage, Instant occurredAt, Map<String, ?> data) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("stage", stage, "occurredAt", occurredAt.toString(), "site", "SITE-LYON-01",
                        "data", withDestination(stage, data)))
                .post("/api/v1/batches/{coi}/steps", coi)
                .then();
    }

    public static ValidatableResponse logStep(String coi, String stage) {
        return logStep(coi, stage, Instant.now(), Map.of());
    }

    public static ValidatableResponse batch(String coi) {
        return given().get("/api/v1/batches/{coi}", coi).then();
    }

    public static ValidatableResponse custody(String coi) {
        return given().get("/api/v1/batches/{coi}/custody", coi).then();
    }

    /** Shipments must name their destination; tests that do not care get one. */
    private static Map<String, ?> withDestination(String stage, Map<String, ?> data) {
        if (!stage.startsWith("SHIPPED_TO_") || data.containsKey("destinationSite")) {
            return data;
        }
        Map<String, Object> withDestination = new java.util.HashMap<>(data);
        withDestination.put("destinationSite", "MFG-GENT-01");
        return withDestination;
    }
}
