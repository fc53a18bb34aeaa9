package org.vein2vein.testing;

import static org.vein2vein.testing.StageSamples.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Moves units through the shipment API the way a site and a courier would: plan and pack at the
 * origin, the courier's pickup and delivery, receipt at the destination. Shipping and receiving
 * stages are recorded only by shipments, so every journey in the tests ships this way.
 */
public final class Shipping {

    /** The courier of the tests' shipments; {@link Tokens#logistics()} acts for it. */
    public static final String COURIER = "CRYO-COURIER-1";
    public static final String MANUFACTURING = "MFG-GENT-01";
    public static final String TREATMENT = "SITE-LYON-01";

    private Shipping() {
    }

    /** Plans a shipment of the units, as the tests' default technician (who works at both test sites). */
    public static ValidatableResponse plan(String origin, String destination, String temperatureClass,
            List<String> unitIds) {
        return plan(Tokens.technician(), origin, destination, temperatureClass, unitIds);
    }

    public static ValidatableResponse plan(String token, String origin, String destination, String temperatureClass,
            List<String> unitIds) {
        Instant now = Instant.now();
        return Api.as(token).contentType(ContentType.JSON)
                .body(map("originSite", origin, "destinationSite", destination, "courier", COURIER,
                        "shipperId", temperatureClass.startsWith("CRYO") ? "DS-0192" : "CB-0042",
                        "trackingNumber", "1Z999AA10123456784", "temperatureClass", temperatureClass,
                        "plannedPickupAt", now.plusSeconds(600).toString(),
                        "plannedArrivalAt", now.plusSeconds(6 * 3600).toString(), "unitIds", unitIds))
                .post("/api/v1/shipments").then();
    }

    /** Packs the shipment: records the shipping stage of every batch on board. */
    public static ValidatableResponse pack(String shipmentId, Instant packedAt, Instant outOfStorageSince,
            String deviationReference) {
        Map<String, Object> body = map("packedAt", packedAt.toString(), "outOfStorageSince",
                outOfStorageSince.toString());
        if (deviationReference != null) {
            body.put("deviationReference", deviationReference);
        }
        return Api.given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/shipments/{id}/packing", shipmentId).then();
    }

    public static ValidatableResponse pack(String shipmentId, Instant packedAt) {
        return pack(shipmentId, packedAt, packedAt.minusSeconds(600), null);
    }

    /**
     * The origin hands the shipment to the courier, and the courier accepts it: the pickup. Both at
     * {@code at} to the microsecond, as the database keeps times: a finer release time would be stored
     * rounded, possibly up, and an acceptance at the very same instant would then come before it.
     */
    public static void pickUp(String shipmentId, Instant when) {
        Instant at = when.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        release(Tokens.technician(), shipmentId, map("occurredAt", at.toString(), "toOrganisation", COURIER))
                .statusCode(201);
        accept(Tokens.logistics(), shipmentId, 1, at).statusCode(200);
    }

    /** The courier releases the shipment to its destination: the delivery, waiting for the receipt. */
    public static ValidatableResponse deliver(String shipmentId, Instant at) {
        return release(Tokens.logistics(), shipmentId, map("occurredAt", at.toString(), "toDestination", true));
    }

    public static ValidatableResponse release(String token, String shipmentId, Map<String, Object> body) {
        return Api.as(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/shipments/{id}/handovers", shipmentId).then();
    }

    public static ValidatableResponse accept(String token, String shipmentId, int number, Instant at) {
        return Api.as(token).contentType(ContentType.JSON)
                .body(map("occurredAt", at.toString(), "condition", "INTACT"))
                .post("/api/v1/shipments/{id}/handovers/{number}/acceptance", shipmentId, number).then();
    }

    /**
     * Receives the shipment: each unit scanned with its own batch's COI (and its id), witnessed.
     *
     * @param units the units received, each with the COI its label shows
     */
    public static ValidatableResponse receive(String shipmentId, Instant at, double temperatureC,
            Map<String, String> units, String deviationReference) {
        List<Map<String, Object>> received = new ArrayList<>();
        units.forEach((unitId, scannedCoi) -> {
            Map<String, Object> check = StageSamples.check(scannedCoi, unitId);
            received.add(map("unitId", unitId, "identityCheck", check));
        });
        Map<String, Object> body = map("occurredAt", at.toString(), "condition", "INTACT",
                "temperatureOnArrivalC", temperatureC, "units", received);
        if (deviationReference != null) {
            body.put("deviationReference", deviationReference);
        }
        return Api.given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/shipments/{id}/receipt", shipmentId).then();
    }

    /**
     * Ships the batch's units from {@code origin} to {@code destination} all the way: plan, pack at
     * {@code packedAt}, pickup, delivery and receipt shortly after. Each call must succeed.
     *
     * @return the shipment's id
     */
    public static String shipAll(String coi, List<String> unitIds, String origin, String destination,
            String temperatureClass, Instant packedAt) {
        String id = plan(origin, destination, temperatureClass, unitIds).statusCode(201).extract().path("id");
        pack(id, packedAt).statusCode(200);
        pickUp(id, packedAt.plusMillis(10));
        deliver(id, packedAt.plusMillis(20)).statusCode(201);
        Map<String, String> units = new java.util.LinkedHashMap<>();
        unitIds.forEach(unit -> units.put(unit, coi));
        receive(id, packedAt.plusMillis(30), temperatureClass.startsWith("CRYO") ? -182.5 : 4.2, units, null)
                .statusCode(200);
        return id;
    }

    /** The batch's collected material (its donation ids) now at {@code site}. */
    public static List<String> materialOf(String coi) {
        return Api.as(Tokens.qa()).get("/api/v1/batches/{coi}", coi).then().statusCode(200).extract()
                .jsonPath().getList("units.findAll { it.kind == 'MATERIAL' && it.endedBy == null }.unitId");
    }

    /** Ships a freshly collected batch's material to manufacturing, where it is received. */
    public static String toManufacturing(String coi, Instant packedAt) {
        return shipAll(coi, materialOf(coi), TREATMENT, MANUFACTURING, "FRESH_2_TO_8_C", packedAt);
    }

    /** Ships a stored autologous batch's bag(s) to its treatment site, where they are received. */
    public static String toTreatmentSite(String coi, List<String> bags, Instant packedAt) {
        return shipAll(coi, bags, MANUFACTURING, TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C", packedAt);
    }
}
