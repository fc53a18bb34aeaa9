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

    /** Logs a step with {@code data}; with empty data, with valid sample data for the stage ({@link StageSamples}). */
    public static ValidatableResponse logStep(String coi, String stage, Instant occurredAt, Map<String, ?> data) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("stage", stage, "occurredAt", occurredAt.toString(), "site", "SITE-LYON-01",
                        "data", data.isEmpty() ? sample(coi, stage, occurredAt) : data))
                .post("/api/v1/batches/{coi}/steps", coi)
                .then();
    }

    public static ValidatableResponse logStep(String coi, String stage) {
        return logStep(coi, stage, Instant.now(), Map.of());
    }

    /** Sample data; on infusion the bedside scans the batch's own patient, as QA reads it. */
    public static Map<String, Object> sample(String coi, String stage, Instant occurredAt) {
        String subject = "INFUSED".equals(stage)
                ? as(Tokens.qa()).get("/api/v1/batches/{coi}", coi).then().extract().path("subjectReference")
                : null;
        return StageSamples.of(coi, stage, occurredAt, subject);
    }

    public static ValidatableResponse batch(String coi) {
        return given().get("/api/v1/batches/{coi}", coi).then();
    }

    public static ValidatableResponse custody(String coi) {
        return given().get("/api/v1/batches/{coi}/custody", coi).then();
    }
}
