package org.vein2vein.testing;

import java.time.Instant;
import java.util.List;
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

    /**
     * Logs a step with {@code data}; with empty data, with valid sample data for the stage ({@link StageSamples}).
     * The step happens where the tests' batches are at that stage ({@link #siteOf}).
     */
    public static ValidatableResponse logStep(String coi, String stage, Instant occurredAt, Map<String, ?> data) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("stage", stage, "occurredAt", occurredAt.toString(), "site", siteOf(stage),
                        "data", data.isEmpty() ? sample(coi, stage, occurredAt) : data))
                .post("/api/v1/batches/{coi}/steps", coi)
                .then();
    }

    /**
     * Where the tests' batches are at a stage: collected and treated at SITE-LYON-01, made at MFG-GENT-01
     * (from their receipt there until they are shipped to the treatment site).
     */
    public static String siteOf(String stage) {
        return MANUFACTURING_STAGES.contains(stage) ? Shipping.MANUFACTURING : Shipping.TREATMENT;
    }

    private static final java.util.Set<String> MANUFACTURING_STAGES = java.util.Set.of("RECEIVED_AT_MANUFACTURING",
            "ACCEPTED", "REJECTED", "GENE_MODIFIED", "EXPANDED", "FORMULATED", "SPLIT", "CRYOPRESERVED", "QC_TESTED",
            "RELEASED", "OUT_OF_SPEC", "MANUFACTURING_FAILED", "STORED", "ALLOCATED", "SHIPPED_TO_SITE");

    /** The shipment each batch is on, between the steps that ship and receive it. */
    private static final Map<String, String> SHIPMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Takes the batch to {@code stage} with sample data, and checks it got there: shipping and receiving
     * stages through a shipment (planned and packed at the shipping stage; picked up, delivered and received
     * at the receiving stage), every other stage as a step.
     */
    public static void advance(String coi, String stage, Instant at) {
        switch (stage) {
            case "SHIPPED_TO_MANUFACTURING" -> SHIPMENTS.put(coi, packed(Shipping.plan(Shipping.TREATMENT,
                    Shipping.MANUFACTURING, "FRESH_2_TO_8_C", Shipping.materialOf(coi)), at));
            case "SHIPPED_TO_SITE" -> SHIPMENTS.put(coi, packed(Shipping.plan(Shipping.MANUFACTURING,
                    Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C", List.of(StageSamples.bag(coi))), at));
            case "RECEIVED_AT_MANUFACTURING", "RECEIVED_AT_SITE" -> {
                String shipment = SHIPMENTS.remove(coi);
                Shipping.pickUp(shipment, at.minusMillis(3));
                Shipping.deliver(shipment, at.minusMillis(2)).statusCode(201);
                Map<String, String> units = new java.util.LinkedHashMap<>();
                given().get("/api/v1/shipments/{id}", shipment).then().statusCode(200).extract().jsonPath()
                        .<String>getList("units.unitId").forEach(unit -> units.put(unit, coi));
                Shipping.receive(shipment, at, "RECEIVED_AT_SITE".equals(stage) ? -182.5 : 4.2, units, null)
                        .statusCode(200);
            }
            default -> logStep(coi, stage, at, Map.of()).statusCode(201);
        }
    }

    public static void advance(String coi, String stage) {
        advance(coi, stage, Instant.now());
    }

    private static String packed(ValidatableResponse planned, Instant at) {
        String id = planned.statusCode(201).extract().path("id");
        Shipping.pack(id, at).statusCode(200);
        return id;
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
