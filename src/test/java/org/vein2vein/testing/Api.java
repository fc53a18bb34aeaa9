package org.vein2vein.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls the API the way a lab system would, so tests read as the journey they describe. */
public final class Api {

    private Api() {
    }

    public static ValidatableResponse register(String type, String subjectReference) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("type", type, "subjectReference", subjectReference, "productCode", "CART-GD2-AUTO",
                        "collectionSite", "SITE-LYON-01", "operator", "op-registrar"))
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
                        "operator", "op-tech-1", "data", data))
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
}
