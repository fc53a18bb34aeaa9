package org.vein2vein.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.vein2vein.platform.embedded.DevSigningKeys;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.TestInfrastructure;
import org.vein2vein.testing.Tokens;

/** Who may write and read the record: the rules of authentication, roles and sites. */
@QuarkusTest
class AccessRulesTest {

    private static final String LYON_TECHNICIAN = Tokens.technicianAt(List.of("SITE-LYON-01"));
    private static final String GENT_TECHNICIAN = Tokens.token("tech-gent", Roles.TECHNICIAN, "MFG-GENT",
            List.of("MFG-GENT-01"));

    @Test
    void aRequestWithoutTokenIsChallengedWithAProblem() {
        given().get("/api/v1/batches/V2V7K3Q9P2XRTB").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"vein2vein\""))
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
    }

    @Test
    void anExpiredTokenIsRefusedAsInvalid() {
        String expired = TestInfrastructure.signingKeys().token("tech-test", Set.of(Roles.QA), "VEIN2VEIN-QA",
                List.of(), Duration.ofMinutes(-10));
        Api.as(expired).get("/api/v1/batches/V2V7K3Q9P2XRTB").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"vein2vein\", error=\"invalid_token\""))
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused(@TempDir java.nio.file.Path otherKeys) {
        String forged = DevSigningKeys.loadOrCreate(otherKeys).token("qa-forger", Set.of(Roles.QA), "EVIL",
                List.of(), Duration.ofMinutes(10));
        Api.as(forged).get("/api/v1/batches/V2V7K3Q9P2XRTB").then().statusCode(401)
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
        Api.as("not.a.token").get("/api/v1/batches/V2V7K3Q9P2XRTB").then().statusCode(401);
    }

    @Test
    void onlyTechniciansRegisterBatches() {
        long before = Database.count("select count(*) from batch");
        for (String token : List.of(Tokens.qa(), Tokens.logistics(), Tokens.admin())) {
            Api.as(token).contentType(ContentType.JSON).body(registration("SITE-LYON-01")).post("/api/v1/batches")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:forbidden"));
        }
        assertThat(Database.count("select count(*) from batch")).isEqualTo(before);
    }

    @Test
    void aTechnicianRegistersOnlyAtTheirOwnSites() {
        long before = Database.count("select count(*) from batch");
        Api.as(LYON_TECHNICIAN).contentType(ContentType.JSON).body(registration("MFG-GENT-01"))
                .post("/api/v1/batches").then().statusCode(403)
                .body("type", equalTo("urn:vein2vein:problem:site-not-permitted"))
                .body("site", equalTo("MFG-GENT-01"));
        assertThat(Database.count("select count(*) from batch")).isEqualTo(before);
    }

    @Test
    void aBatchOfAnotherSiteDoesNotExistForATechnicianButQaSeesIt() {
        String coi = registeredInLyon();
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(404)
                .body("type", equalTo("urn:vein2vein:problem:batch-not-found"));
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(404);
        step(GENT_TECHNICIAN, coi, "COLLECTED", "MFG-GENT-01", sample(coi, "COLLECTED")).then().statusCode(404);
        Api.as(Tokens.qa()).get("/api/v1/batches/{coi}", coi).then().statusCode(200);
        Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(200);
        Api.as(Tokens.logistics()).get("/api/v1/batches/{coi}", coi).then().statusCode(403);
        assertThat(Database.count("select count(*) from custody_event where coi = '" + coi + "'")).isEqualTo(1);
    }

    @Test
    void aTechnicianLoggingAtASiteNotTheirsOnTheirOwnBatchIsForbiddenAndNothingIsWritten() {
        String coi = registeredInLyon();
        step(LYON_TECHNICIAN, coi, "COLLECTED", "MFG-GENT-01", sample(coi, "COLLECTED")).then().statusCode(403)
                .body("type", equalTo("urn:vein2vein:problem:site-not-permitted"));
        Api.as(LYON_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(200)
                .body("stage", equalTo("ORDERED")).body("ledgerSequence", equalTo(1));
    }

    @Test
    void theDestinationOfAShipmentSeesTheBatchAndTheLedgerNamesEachActorFromTheirToken() {
        String coi = registeredInLyon();
        step(LYON_TECHNICIAN, coi, "COLLECTED", "SITE-LYON-01", sample(coi, "COLLECTED")).then().statusCode(201);
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(404);

        // Not by a step: shipments record the shipping stages.
        step(LYON_TECHNICIAN, coi, "SHIPPED_TO_MANUFACTURING", "SITE-LYON-01", sample(coi, "SHIPPED_TO_MANUFACTURING"))
                .then().statusCode(409).body("type", equalTo("urn:vein2vein:problem:recorded-by-shipments"));
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(404);

        List<String> material = Shipping.materialOf(coi);
        Map<String, Object> plan = Shipping.plan(LYON_TECHNICIAN, "SITE-LYON-01", "MFG-GENT-01", "FRESH_2_TO_8_C",
                material).statusCode(201).extract().as(Map.class);
        String shipment = (String) plan.get("id");
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(404);
        Instant packedAt = Instant.now();
        Api.as(LYON_TECHNICIAN).contentType(ContentType.JSON).body(Map.of("packedAt", packedAt.toString(),
                "outOfStorageSince", packedAt.minusSeconds(600).toString()))
                .post("/api/v1/shipments/{id}/packing", shipment).then().statusCode(200);
        // Once it is on its way to manufacturing, the batch is the manufacturer's to see.
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(200)
                .body("stage", equalTo("SHIPPED_TO_MANUFACTURING"));
        Shipping.release(LYON_TECHNICIAN, shipment, StageSamples.map("occurredAt", packedAt.plusMillis(10).toString(),
                "toOrganisation", Shipping.COURIER)).statusCode(201);
        Shipping.accept(Tokens.logistics(), shipment, 1, packedAt.plusMillis(20)).statusCode(200);
        Shipping.deliver(shipment, packedAt.plusMillis(30)).statusCode(201);
        Api.as(GENT_TECHNICIAN).contentType(ContentType.JSON).body(StageSamples.map("occurredAt",
                packedAt.plusMillis(40).toString(), "condition", "INTACT", "temperatureOnArrivalC", 4.2, "units",
                List.of(StageSamples.map("unitId", material.get(0), "identityCheck",
                        StageSamples.check(coi, material.get(0))))))
                .post("/api/v1/shipments/{id}/receipt", shipment).then().statusCode(200);

        Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(200)
                .body("events.actor.id", equalTo(List.of("tech-test", "tech-test", "tech-test", "tech-test",
                        "courier-test", "courier-test", "tech-gent")))
                .body("events.type", equalTo(List.of("BATCH_REGISTERED", "STEP_RECORDED", "STEP_RECORDED",
                        "HANDOVER_RELEASED", "HANDOVER_ACCEPTED", "HANDOVER_RELEASED", "STEP_RECORDED")))
                .body("events[4].actor.role", equalTo("logistics"))
                .body("events[4].actor.organisation", equalTo(Shipping.COURIER))
                .body("events[6].stage", equalTo("RECEIVED_AT_MANUFACTURING"))
                .body("events[6].actor.role", equalTo("technician"))
                .body("events[6].actor.organisation", equalTo("MFG-GENT"))
                .body("verification.intact", equalTo(true));
    }

    @Test
    void aShipmentIsPlannedOnlyWithADestinationAndOnlyByATechnicianOfItsOrigin() {
        String coi = registeredInLyon();
        step(LYON_TECHNICIAN, coi, "COLLECTED", "SITE-LYON-01", sample(coi, "COLLECTED")).then().statusCode(201);
        List<String> material = Shipping.materialOf(coi);
        long before = Database.count("select count(*) from shipment");

        Instant now = Instant.now();
        Api.as(LYON_TECHNICIAN).contentType(ContentType.JSON).body(Map.of("originSite", "SITE-LYON-01", "courier",
                Shipping.COURIER, "shipperId", "CB-0042", "temperatureClass", "FRESH_2_TO_8_C", "plannedPickupAt",
                now.plusSeconds(600).toString(), "plannedArrivalAt", now.plusSeconds(7200).toString(),
                "unitIds", material))
                .post("/api/v1/shipments").then().statusCode(400)
                .body("violations.field", equalTo(List.of("destinationSite")));
        Shipping.plan(GENT_TECHNICIAN, "SITE-LYON-01", "MFG-GENT-01", "FRESH_2_TO_8_C", material).statusCode(403)
                .body("type", equalTo("urn:vein2vein:problem:site-not-permitted"));
        Shipping.plan(Tokens.logistics(), "SITE-LYON-01", "MFG-GENT-01", "FRESH_2_TO_8_C", material).statusCode(403)
                .body("type", equalTo("urn:vein2vein:problem:forbidden"));
        assertThat(Database.count("select count(*) from shipment")).isEqualTo(before);
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(404);
    }

    private static String registeredInLyon() {
        return Api.as(LYON_TECHNICIAN).contentType(ContentType.JSON).body(registration("SITE-LYON-01"))
                .post("/api/v1/batches").then().statusCode(201).extract().path("coi");
    }

    private static io.restassured.response.Response step(String token, String coi, String stage, String site,
            Map<String, ?> data) {
        return Api.as(token).contentType(ContentType.JSON)
                .body(Map.of("stage", stage, "occurredAt", Instant.now().toString(), "site", site, "data", data))
                .post("/api/v1/batches/{coi}/steps", coi);
    }

    /** Valid data for the step; the bedside scan never comes up here. */
    private static Map<String, Object> sample(String coi, String stage) {
        return StageSamples.of(coi, stage, Instant.now(), null);
    }

    private static Map<String, String> registration(String site) {
        return Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-ACCESS-01", "productCode", "CART-GD2-AUTO",
                "collectionSite", site);
    }
}
