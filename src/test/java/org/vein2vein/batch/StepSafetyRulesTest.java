package org.vein2vein.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.References;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * Safety rules added with the reshaped step core, through the API: a batch registered where no cells
 * are collected, a bag labelled outside the product's dose range, a time inside the data that has not
 * happened yet, and a witness who is the technician in other letters. Each is refused; only the missing
 * second verifier is kept on record.
 */
@QuarkusTest
class StepSafetyRulesTest {

    private static final List<String> TO_EXPANSION = List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING",
            "RECEIVED_AT_MANUFACTURING", "ACCEPTED", "GENE_MODIFIED", "EXPANDED");

    @Test
    void aBagLabelledAtTenTimesTheMaximumDoseIsRefusedAndNothingIsWritten() {
        String coi = batchAt(TO_EXPANSION);
        long events = events(coi);
        Map<String, Object> formulation = StageSamples.of(coi, "FORMULATED", Instant.now(), null);
        formulation.put("units", List.of(StageSamples.map("unitId", StageSamples.bag(coi), "volumeMl", 70,
                "carPositiveViableCells", 6_000_000_000L)));

        JsonPath problem = Api.logStep(coi, "FORMULATED", Instant.now(), formulation).statusCode(409)
                .contentType("application/problem+json").extract().jsonPath();

        assertThat(problem.getString("type")).isEqualTo("urn:vein2vein:problem:labelled-dose-out-of-range");
        assertThat(problem.getString("unitId")).isEqualTo(StageSamples.bag(coi));
        assertThat(problem.getString("field")).isEqualTo("data.units[0].carPositiveViableCells");
        Api.batch(coi).body("stage", equalTo("EXPANDED")).body("units.kind", equalTo(List.of("MATERIAL")))
                .body("units[0].endedBy", nullValue());
        assertThat(events(coi)).isEqualTo(events);
    }

    @Test
    void aCollectionThatEndsTomorrowIsRefusedLikeAStepDatedTomorrow() {
        String coi = Api.registerAutologous("PSN-SAFETY-" + References.suffix());
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        Map<String, Object> collection = StageSamples.of(coi, "COLLECTED", Instant.now(), null);
        collection.put("endedAt", tomorrow.toString());

        Api.logStep(coi, "COLLECTED", Instant.now(), collection).statusCode(400)
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations[0].field", equalTo("data.endedAt"));

        Api.batch(coi).body("stage", equalTo("ORDERED"));
        assertThat(events(coi)).isEqualTo(1);
    }

    @Test
    void aWitnessWhoIsTheTechnicianInCapitalsIsNoSecondVerifier() {
        String coi = batchAt(List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING"));
        String din = Shipping.materialOf(coi).get(0);
        String shipment = Api.as(Tokens.qa()).get("/api/v1/batches/{coi}", coi).then().statusCode(200).extract()
                .jsonPath().getString("units.find { it.shipmentId != null }.shipmentId");
        Shipping.pickUp(shipment, Instant.now());
        Shipping.deliver(shipment, Instant.now()).statusCode(201);
        long events = events(coi);
        Map<String, Object> receipt = StageSamples.map("occurredAt", Instant.now().toString(), "condition", "INTACT",
                "temperatureOnArrivalC", 4.2, "units", List.of(StageSamples.map("unitId", din, "identityCheck",
                        StageSamples.map("scannedCoi", coi, "scannedUnitId", din, "witness",
                                Tokens.TECHNICIAN_ID.toUpperCase(Locale.ROOT)))));

        Api.given().contentType(ContentType.JSON).body(receipt)
                .post("/api/v1/shipments/{id}/receipt", shipment).then().statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:second-verifier-required"))
                .body("coi", equalTo(coi));

        Api.batch(coi).body("stage", equalTo("SHIPPED_TO_MANUFACTURING"));
        assertThat(events(coi)).as("the refused attempt is on record").isEqualTo(events + 1);
    }

    @Test
    void aBatchIsRegisteredOnlyAtAnActiveSiteOfTheRegistryThatCollectsCells() {
        String technician = Tokens.technicianAt(List.of("SITE-LYON-01", "MFG-GENT-01", "SITE-NOWHERE-9"));
        for (Map.Entry<String, String> site : Map.of("SITE-NOWHERE-9", "names no site of the registry",
                "MFG-GENT-01", "names a MANUFACTURING site").entrySet()) {
            Api.as(technician).contentType(ContentType.JSON)
                    .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-SITE-" + References.suffix(),
                            "productCode", "CART-GD2-AUTO", "collectionSite", site.getKey()))
                    .post("/api/v1/batches").then().statusCode(400)
                    .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                    .body("violations[0].field", equalTo("collectionSite"))
                    .body("violations[0].message", containsString(site.getValue()));
        }
        Api.as(technician).contentType(ContentType.JSON)
                .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-SITE-" + References.suffix(),
                        "productCode", "CART-GD2-AUTO", "collectionSite", "SITE-LYON-01"))
                .post("/api/v1/batches").then().statusCode(201);
    }

    @Test
    void aBatchHeldAfterItsReceiptAtTheSiteResumesByReceivingTheUnitsThatWereShipped() {
        String coi = batchAt(List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING", "ACCEPTED",
                "GENE_MODIFIED", "EXPANDED", "FORMULATED", "CRYOPRESERVED", "QC_TESTED", "RELEASED", "STORED",
                "SHIPPED_TO_SITE", "RECEIVED_AT_SITE"));
        Api.logStep(coi, "QUARANTINED", Instant.now(), StageSamples.map("reason", "TEMPERATURE_EXCURSION",
                "qualityRecord", "DEV-2026-0042")).statusCode(201);

        Api.logStep(coi, "RECEIVED_AT_SITE").statusCode(201);
        Api.logStep(coi, "THAWED").statusCode(201);
        Api.batch(coi).body("stage", equalTo("THAWED"));
    }

    private static String batchAt(List<String> path) {
        String coi = Api.registerAutologous("PSN-SAFETY-" + References.suffix());
        for (String stage : path) {
            Api.advance(coi, stage);
        }
        return coi;
    }

    private static long events(String coi) {
        return Api.custody(coi).statusCode(200).extract().jsonPath().getLong("totalEvents");
    }
}
